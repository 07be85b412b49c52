import PairCore
import PairTestSupport
import Testing

@testable import PairAgent

/// SystemGuards built from a configuration: the guards it configures answer, the others report nothing.
@Suite("system guards")
struct SystemGuardsTests {
    private func configuration(ping: [PingTarget] = [], fence: FenceMethod? = nil) -> PairConfiguration {
        PairConfiguration(
            ha: HAConfiguration(
                nodes: ["castor", "pollux"], localNode: "castor", peerNode: "pollux",
                timing: HeartbeatTiming(keepalive: .milliseconds(100), deadtime: .seconds(1)), media: [],
                pingTargets: ping, fencing: FenceSettings(method: fence, timeout: .seconds(30))),
            resources: HAResources(groups: []), authKeys: AuthKeys(signingKeyID: 1, keys: []))
    }

    private func guards(_ configuration: PairConfiguration, log: CapturedLog) -> SystemGuards {
        SystemGuards(
            configuration: configuration, control: IPRouteAddressControl(timeout: .seconds(5)), logger: log.logger)
    }

    @Test("fence command: the configured program is run against the peer, and its result reported")
    func fenceCommand() async throws {
        let scratch = try Scratch("pgpair-guardtest")
        defer { scratch.remove() }
        try scratch.write("#!/bin/sh\necho \"$1\" > \"$(dirname \"$0\")/fenced\"\n", to: "fence", mode: 0o755)
        let answers = GuardAnswers()
        let log = CapturedLog()
        await guards(configuration(fence: .command(path: "\(scratch.path)/fence", arguments: [])), log: log)
            .run(.fence, report: answers.report)
        #expect(answers.all.map(\.answer) == [.fence(succeeded: true)])
        #expect(scratch.read("fenced") == "pollux\n")
    }

    @Test("fence ssh: a fence host that cannot be reached is a failed fence, with the reason logged")
    func fenceSSHUnreachable() async throws {
        try requireIsolatedNetwork()
        // Nothing listens on port 1 of 127.0.0.1: the connection is refused at once.
        let target = SSHFenceTarget(
            user: "root", host: "127.0.0.1", port: 1, keyPath: "/nonexistent/key",
            knownHostsPath: "/nonexistent/known_hosts", command: "true")
        let answers = GuardAnswers()
        let log = CapturedLog()
        await guards(configuration(fence: .ssh(target)), log: log).run(.fence, report: answers.report)
        #expect(answers.all.map(\.answer) == [.fence(succeeded: false)])
        let failure = try #require(log.matching("fence failed").first)
        #expect(failure.metadata["fence.method"] == "ssh root@127.0.0.1:1")
        #expect(failure.metadata["fence.result"]?.hasPrefix("connect_failed") == true)
    }

    @Test("ping: the configured targets are pinged every keepalive")
    func ping() async throws {
        try requireIsolatedNetwork()
        let answers = GuardAnswers()
        let system = guards(
            configuration(ping: [PingTarget(kind: .address(IPv4Address("127.0.0.1")!), line: 1)]), log: CapturedLog())
        let task = Task { await system.run(.ping, report: answers.report) }
        // Round after round reaches the target. A round whose reply comes after its keepalive-long window counts as
        // unreachable, as it must; on a machine stalled by load that can happen to one round, so the test waits
        // for two rounds that reached it rather than requiring every round to.
        let reached = { answers.all.filter { $0.answer == .ping(reachable: true) }.count }
        #expect(await guardEventually { reached() >= 2 }, "answers: \(answers.all.map(\.answer))")
        task.cancel()
        await task.value
    }

    @Test("a guard that is not configured reports nothing and says so")
    func notConfigured() async {
        let answers = GuardAnswers()
        let log = CapturedLog()
        let system = guards(configuration(), log: log)
        await system.run(.fence, report: answers.report)
        await system.run(.ping, report: answers.report)
        #expect(answers.count == 0)
        #expect(log.matching("no fence is configured").count == 1)
        #expect(log.matching("no ping target is configured").count == 1)
    }
}
