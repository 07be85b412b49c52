import Foundation
import Testing

/// `pgpair resource start|stop|status GROUP` against resource scripts that record their calls, and against a real
/// agent answering on the control socket.
@Suite("pgpair resource", .serialized)
struct ResourceCommandTests {
    /// A configuration for castor with one group of two recording scripts, `first::one` then `second`.
    private func configuration(failSecondStart: Bool = false) throws -> ConfigDirectory {
        let directory = try ConfigDirectory()
        try directory.write(
            "ha.cf",
            """
            node castor
            node pollux
            ucast lo 198.18.0.2
            udpport \(Int.random(in: 20000..<60000))
            deadtime 10
            state_dir \(directory.path)/state
            control_socket \(directory.path)/pgpair.sock
            logfacility none
            """)
        try directory.write("haresources", "castor first::one second\n")
        try FileManager.default.createDirectory(
            atPath: directory.file("resource.d"), withIntermediateDirectories: true)
        for name in ["first", "second"] {
            let failStart = failSecondStart && name == "second"
            try directory.write(
                "resource.d/\(name)",
                """
                #!/bin/sh
                for last; do :; done
                echo "\(name) $*" >> '\(directory.path)/calls'
                case "$last" in
                start) \(failStart ? "exit 1" : "touch '\(directory.path)/\(name).on'") ;;
                stop) rm -f '\(directory.path)/\(name).on' ;;
                status) [ -e '\(directory.path)/\(name).on' ] && exit 0 || exit 3 ;;
                esac
                """, mode: 0o755)
        }
        return directory
    }

    private func calls(_ directory: ConfigDirectory) -> [String] {
        ((try? String(contentsOfFile: directory.file("calls"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    private func resource(_ arguments: [String], _ directory: ConfigDirectory) async throws -> PgpairProcess.Outcome {
        try await PgpairProcess.run(["resource"] + arguments + ["--config-dir", directory.path, "--node", "castor"])
    }

    @Test("status 3 while stopped, start 0, status 0, stop 0, status 3; order left to right, right to left")
    func lifecycle() async throws {
        let directory = try configuration()
        #expect(try await resource(["status", "first::one"], directory).status == 3)
        let start = try await resource(["start", "first::one"], directory)
        #expect(start.status == 0, "\(start)")
        let running = try await resource(["status", "first::one"], directory)
        #expect(running.status == 0, "\(running)")
        #expect(running.standardOutput == "first::one: running\nsecond: running\n")
        #expect(try await resource(["stop", "first::one"], directory).status == 0)
        #expect(try await resource(["status", "first::one"], directory).status == 3)
        #expect(
            calls(directory) == [
                "first one status", "second status", "first one start", "second start", "first one status",
                "second status", "second stop", "first one stop", "first one status", "second status",
            ])
    }

    @Test("a failing start exits 1 with the reason, and what was started is stopped again")
    func failedStart() async throws {
        let directory = try configuration(failSecondStart: true)
        let start = try await resource(["start", "first::one"], directory)
        #expect(start.status == 1)
        #expect(start.standardError.contains("start of second failed"), "\(start)")
        #expect(calls(directory) == ["first one start", "second start", "second stop", "first one stop"])
        #expect(try await resource(["status", "first::one"], directory).status == 3)
    }

    @Test("a partly running group is status 1")
    func partlyRunning() async throws {
        let directory = try configuration()
        try "".write(toFile: directory.file("first.on"), atomically: false, encoding: .utf8)
        let status = try await resource(["status", "first::one"], directory)
        #expect(status.status == 1)
        #expect(status.standardOutput == "first::one: running\nsecond: stopped\n")
    }

    @Test("an unknown group is a usage error that lists the groups")
    func unknownGroup() async throws {
        let directory = try configuration()
        let outcome = try await resource(["start", "nosuch"], directory)
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("first::one"))
        #expect(calls(directory).isEmpty)
    }

    @Test("refused with 75 while an agent answers on control_socket; nothing is run")
    func agentRunning() async throws {
        let directory = try configuration()
        let executable = try #require(PgpairProcess.executablePath)
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: executable)
        agent.arguments = ["agent", "--config-dir", directory.path, "--node", "castor"]
        agent.standardOutput = FileHandle.nullDevice
        agent.standardError = FileHandle.nullDevice
        try agent.run()
        defer {
            kill(agent.processIdentifier, SIGTERM)
            agent.waitUntilExit()
        }
        var answering = false
        for _ in 0..<300 where !answering {
            let status = try await PgpairProcess.run(["status", "--config-dir", directory.path, "--node", "castor"])
            answering = status.status == 0
            if !answering { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(answering, "the agent never answered")
        // The agent itself asks every resource for its status once at start (groups found running are stopped);
        // wait for that, so that what follows is only the refused commands' doing.
        for _ in 0..<300 where calls(directory).count < 2 {
            try await Task.sleep(for: .milliseconds(50))
        }
        let agentCalls = calls(directory)
        #expect(agentCalls.sorted() == ["first one status", "second status"])
        for action in ["start", "stop", "status"] {
            let outcome = try await resource([action, "first::one"], directory)
            #expect(outcome.status == 75, "\(outcome)")
            #expect(outcome.standardError.contains("agent answers on"))
        }
        #expect(calls(directory) == agentCalls)
    }
}
