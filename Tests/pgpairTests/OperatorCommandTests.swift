import Foundation
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// `pgpair standby | takeover | maintenance | unblock` against a fake agent on the control socket: what they send,
/// how long they wait, and their exit statuses (DESIGN's command-line contract).
@Suite("pgpair operator commands")
struct OperatorCommandTests {
    typealias Group = (String, String?, String)

    /// A configuration for castor whose control socket is in the directory.
    private func configuration() throws -> ConfigDirectory {
        let directory = try ConfigDirectory()
        try directory.append("ha.cf", "control_socket \(directory.path)/pgpair.sock")
        return directory
    }

    /// Runs `pgpair ARGUMENTS` for castor against a fake agent answering with `statuses` and `refusal`.
    private func run(
        _ arguments: [String], statuses: [[String: Any]] = [FakeAgent.status(groups: [])], refusal: String? = nil
    ) async throws -> (PgpairProcess.Outcome, FakeAgent) {
        let directory = try configuration()
        let agent = try FakeAgent(path: directory.file("pgpair.sock"), statuses: statuses, refusal: refusal)
        defer { agent.stop() }
        let outcome = try await PgpairProcess.run(arguments + ["--config-dir", directory.path, "--node", "castor"])
        return (outcome, agent)
    }

    static let castorRuns: [Group] = [("10.0.0.100", "castor", "running"), ("pgsql", "castor", "running")]
    static let polluxRuns: [Group] = [("10.0.0.100", "pollux", "running"), ("pgsql", "pollux", "running")]

    @Test("standby: 0 once the peer runs every group this node held, not before")
    func standbyWaitsForThePeer() async throws {
        let (outcome, agent) = try await run(
            ["standby"],
            statuses: [
                FakeAgent.status(groups: Self.castorRuns),
                FakeAgent.status(
                    role: "stopping", groups: [("10.0.0.100", "castor", "stopping"), ("pgsql", "castor", "stopping")]),
                FakeAgent.status(role: "standby", groups: [("10.0.0.100", nil, "stopped"), ("pgsql", nil, "stopped")]),
                FakeAgent.status(
                    role: "standby", peerRole: "starting",
                    groups: [("10.0.0.100", "pollux", "running"), ("pgsql", "pollux", "starting")]),
                FakeAgent.status(role: "standby", peerRole: "active", groups: Self.polluxRuns),
            ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput == "pollux holds 10.0.0.100, pgsql\n")
        #expect(agent.commands == ["status", "standby", "status", "status", "status", "status"])
    }

    @Test("standby refused: 1 with the agent's reason, and no waiting")
    func standbyRefused() async throws {
        let (outcome, agent) = try await run(
            ["standby"], statuses: [FakeAgent.status(groups: Self.castorRuns)],
            refusal: "the peer is not up, so it cannot take the groups")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.standardError == "pgpair standby: refused: the peer is not up, so it cannot take the groups\n")
        #expect(agent.commands == ["status", "standby"])
    }

    @Test("standby fails with 1 when this node turns blocked, and says why")
    func standbyFailsWhenBlocked() async throws {
        let (outcome, _) = try await run(
            ["standby"],
            statuses: [
                FakeAgent.status(groups: Self.castorRuns),
                FakeAgent.status(
                    role: "blocked", blockedReason: "the stop of pgsql failed; stop it by hand, then unblock",
                    needsOperator: true, groups: [("10.0.0.100", "castor", "running"), ("pgsql", "castor", "failed")]),
            ])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("failed: castor is blocked (needs an operator): the stop of pgsql"))
    }

    @Test("standby times out with 75 when the peer never takes the groups")
    func standbyTimesOut() async throws {
        let (outcome, agent) = try await run(
            ["standby", "--timeout", "1"],
            statuses: [
                FakeAgent.status(groups: Self.castorRuns),
                FakeAgent.status(role: "standby", groups: [("10.0.0.100", nil, "stopped"), ("pgsql", nil, "stopped")]),
            ])
        #expect(outcome.status == 75, "\(outcome)")
        #expect(
            outcome.standardError
                == "pgpair standby: timed out after 1 s; the groups now: 10.0.0.100 stopped, pgsql stopped\n")
        // Status, the request, then polls only; at least one poll came after the request, since the message shows
        // the groups as they are now. (How many polls fit in the second depends on the machine's load.)
        #expect(Array(agent.commands.prefix(2)) == ["status", "standby"], "\(agent.commands)")
        #expect(agent.commands.count >= 3, "it polled while it waited: \(agent.commands)")
        #expect(agent.commands.dropFirst(2).allSatisfy { $0 == "status" }, "\(agent.commands)")
    }

    @Test("takeover --force sends force and exits 0 once this node runs every group")
    func takeoverForce() async throws {
        let (outcome, agent) = try await run(
            ["takeover", "--force"],
            statuses: [
                FakeAgent.status(
                    role: "blocked", blockedReason: "cold start", needsOperator: true, peerState: "dead", peerRole: nil,
                    groups: [("10.0.0.100", nil, "stopped"), ("pgsql", nil, "stopped")]),
                FakeAgent.status(
                    role: "starting", peerState: "dead", peerRole: nil,
                    groups: [("10.0.0.100", "castor", "running"), ("pgsql", "castor", "starting")]),
                FakeAgent.status(peerState: "dead", peerRole: nil, groups: Self.castorRuns),
            ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput == "castor holds 10.0.0.100, pgsql\n")
        #expect(agent.commands == ["status", "takeover", "status", "status"])
        #expect(agent.requests[1]["force"] as? Bool == true)
    }

    @Test("takeover without --force sends force false; a failed group is 1")
    func takeoverFailedGroup() async throws {
        let (outcome, agent) = try await run(
            ["takeover"],
            statuses: [
                FakeAgent.status(role: "standby", peerRole: "active", groups: Self.polluxRuns),
                FakeAgent.status(
                    role: "standby", groups: [("10.0.0.100", "castor", "running"), ("pgsql", nil, "failed")]),
            ])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("failed: group pgsql failed on castor"), "\(outcome)")
        #expect(agent.requests[1]["force"] as? Bool == false)
    }

    @Test("maintenance on|off sends on: true|false and exits 0", arguments: [("on", true), ("off", false)])
    func maintenance(mode: String, on: Bool) async throws {
        let (outcome, agent) = try await run(["maintenance", mode])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput == "maintenance \(mode): accepted\n")
        #expect(agent.commands == ["maintenance"])
        #expect(agent.requests.first?["on"] as? Bool == on)
    }

    @Test("unblock exits 0 when accepted")
    func unblock() async throws {
        let (outcome, agent) = try await run(["unblock"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(agent.commands == ["unblock"])
    }

    @Test(
        "maintenance and unblock refused: 1 with the agent's reason", arguments: [["maintenance", "off"], ["unblock"]])
    func refused(arguments: [String]) async throws {
        let (outcome, _) = try await run(arguments, refusal: "the cause of the block still holds (see `pgpair status`)")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.standardError
                == "pgpair \(arguments.joined(separator: " ")): refused: the cause of the block still holds (see `pgpair status`)\n"
        )
        #expect(outcome.standardOutput == "")
    }

    @Test(
        "no agent: 1 for the admin commands, naming the socket",
        arguments: [["standby"], ["takeover"], ["maintenance", "on"], ["unblock"]])
    func noAgent(arguments: [String]) async throws {
        let directory = try configuration()
        let outcome = try await PgpairProcess.run(arguments + ["--config-dir", directory.path, "--node", "castor"])
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("no agent answers on \(directory.file("pgpair.sock"))"), "\(outcome)")
    }

    @Test(
        "usage errors exit 64",
        arguments: [
            ["maintenance", "sideways"], ["maintenance"], ["standby", "--timeout", "0"],
            ["standby", "--timeout", "soon"],
            ["takeover", "--timeout", "-1"], ["unblock", "extra"], ["standby", "--force"],
        ])
    func usageErrors(arguments: [String]) async throws {
        let (outcome, agent) = try await run(arguments)
        #expect(outcome.status == 64, "\(outcome)")
        #expect(agent.commands.isEmpty)
    }

    @Test(
        "a user who may not use the socket is told so, not that no agent runs",
        .enabled(if: getuid() == 0, "needs root to run pgpair as nobody"), arguments: [["standby"], ["status"]])
    func permissionDenied(arguments: [String]) async throws {
        let directory = try configuration()
        let agent = try FakeAgent(path: directory.file("pgpair.sock"), statuses: [FakeAgent.status(groups: [])])
        defer { agent.stop() }
        let executable = try #require(PgpairProcess.executablePath)
        let result = try await Subprocess.run(
            .path(FilePath("/usr/bin/setpriv")),
            arguments: Arguments(
                ["--reuid=65534", "--regid=65534", "--clear-groups", executable] + arguments
                    + ["--config-dir", directory.path, "--node", "castor"]),
            output: .string(limit: 1 << 20), error: .string(limit: 1 << 20))
        let message = result.standardError
        #expect(result.terminationStatus == .exited(1), "\(message)")
        #expect(message.contains("permission denied on \(directory.file("pgpair.sock"))"), "\(message)")
        #expect(!message.contains("no agent"))
        #expect(agent.commands.isEmpty)
    }
}
