import Foundation
import PairTestSupport
import Testing

@testable import PairAgent

/// Every ``ProcessRunner`` must behave the same: each test runs against each of them.
enum Runner: String, CaseIterable, CustomTestStringConvertible {
    case subprocess = "SubprocessRunner"

    var runner: any ProcessRunner {
        switch self {
        case .subprocess: SubprocessRunner(killGrace: .milliseconds(500))
        }
    }

    var testDescription: String { rawValue }
}

@Suite("ProcessRunner")
struct ProcessRunnerTests {
    @Test("a non-zero exit is a result with the output kept", arguments: Runner.allCases)
    func exitStatus(_ kind: Runner) async throws {
        let runner = kind.runner
        let outcome = try await runner.run(
            ProcessCommand("/bin/sh", ["-c", "echo out; echo err >&2; exit 7"], timeout: .seconds(30)))
        #expect(outcome.termination == .exited(7))
        #expect(outcome.output == "out\nerr\n")
        #expect(outcome.summary == "exit status 7: err")
    }

    @Test("arguments reach the program as they are, with no shell in between", arguments: Runner.allCases)
    func arguments(_ kind: Runner) async throws {
        let runner = kind.runner
        let outcome = try await runner.run(
            ProcessCommand("/bin/echo", ["a b", "$HOME", "';rm -rf /'"], timeout: .seconds(30)))
        #expect(outcome.output == "a b $HOME ';rm -rf /'\n")
    }

    @Test("the environment is added to what is inherited", arguments: Runner.allCases)
    func environment(_ kind: Runner) async throws {
        let runner = kind.runner
        let outcome = try await runner.run(
            ProcessCommand(
                "/bin/sh", ["-c", "echo $PGPASSFILE"], environment: ["PGPASSFILE": "/x/y"],
                timeout: .seconds(30)))
        #expect(outcome.output == "/x/y\n")
    }

    @Test("only outputLimit bytes are kept", arguments: Runner.allCases)
    func boundedOutput(_ kind: Runner) async throws {
        let runner = kind.runner
        let outcome = try await runner.run(
            ProcessCommand(
                "/bin/sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' x"], timeout: .seconds(30),
                outputLimit: 100))
        #expect(outcome.succeeded)
        #expect(outcome.output == String(repeating: "x", count: 100))
    }

    @Test("a missing program cannot be started", arguments: Runner.allCases)
    func missingProgram(_ kind: Runner) async throws {
        let runner = kind.runner
        let error = await #expect(throws: ResourceError.self) {
            try await runner.run(ProcessCommand("/nonexistent/program", [], timeout: .seconds(5)))
        }
        #expect(error?.code == .spawnFailed)
    }

    @Test("a child that outlives its timeout is killed, its own children too", arguments: Runner.allCases)
    func timeout(_ kind: Runner) async throws {
        let runner = kind.runner
        let directory = try Scratch("pgpair-restest")
        defer { directory.remove() }
        let error = await #expect(throws: ResourceError.self) {
            try await runner.run(
                ProcessCommand(
                    "/bin/sh", ["-c", "sleep 60 & echo $! > '\(directory.path)/pid'; wait"],
                    timeout: .milliseconds(300)))
        }
        #expect(error?.code == .timedOut)
        let grandchild = try #require(Int32(directory.read("pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        try await Task.sleep(for: .milliseconds(100))
        #expect(!processRuns(grandchild))
    }

    @Test("cancelling the task tears the child down", arguments: Runner.allCases)
    func cancellation(_ kind: Runner) async throws {
        let runner = kind.runner
        let directory = try Scratch("pgpair-restest")
        defer { directory.remove() }
        let task = Task {
            try await runner.run(
                ProcessCommand(
                    "/bin/sh", ["-c", "echo $$ > '\(directory.path)/pid'; exec sleep 60"],
                    timeout: .seconds(120)))
        }
        var pid: Int32?
        for _ in 0..<500 where pid == nil {
            pid = Int32(directory.read("pid").trimmingCharacters(in: .whitespacesAndNewlines))
            try await Task.sleep(for: .milliseconds(10))
        }
        let child = try #require(pid)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(!processRuns(child))
    }
}
