import Logging
import PairCore
import PairTestSupport
import Testing

@testable import PairAgent

/// The guard answers in the agent's log: one line per running guard as its first answer arrives and one when the
/// answer turns, never one per probe (the duplicate-address check probes back to back while the peer is silent).
@Suite struct NodeLoopGuardLogTests {
    static func loop(logger: Logger) -> NodeLoop {
        NodeLoop(
            machine: NodeStateMachine(settings: NodeLoopTests.settings(), persisted: PersistedNodeState()),
            inbox: NodeInbox(), runners: [:], guards: NoGuards(),
            store: NodeStateStore(directory: "/nonexistent"), dataDirectories: [:], logger: logger,
            announce: { _, _ in })
    }

    @Test("a running guard's answer is logged once, again when it turns, and again after the guard restarts")
    func loggedOnChange() async throws {
        let log = CapturedLog()
        let loop = Self.loop(logger: log.logger)
        let address = try #require(IPv4Address("198.18.0.100"))
        let arp = NodeGuard.duplicateAddress(address)

        loop.logGuardAnswer(.duplicateAddress(address, answered: false))
        #expect(log.matching("guard answered").isEmpty, "a guard that is not running logs nothing")

        loop.guardSignals[arp] = StopSignal()
        for _ in 0..<5 { loop.logGuardAnswer(.duplicateAddress(address, answered: false)) }
        loop.logGuardAnswer(.duplicateAddress(address, answered: true))
        loop.logGuardAnswer(.duplicateAddress(address, answered: true))
        let lines = log.matching("guard answered: duplicate-address check for 198.18.0.100")
        #expect(lines.map(\.message).map { $0.hasSuffix("no other host answers") } == [true, false])
        #expect(lines.map { $0.metadata["guard.passed"] } == ["true", "false"])

        // Another guard is tracked apart.
        loop.guardSignals[.ping] = StopSignal()
        loop.logGuardAnswer(.ping(reachable: true))
        #expect(log.matching("guard answered: ping reaches a target").count == 1)

        // Stopped and started again (the peer came back, then fell silent again): the first answer is logged anew.
        _ = await loop.perform([.stopGuard(arp)])
        loop.guardSignals[arp] = StopSignal()
        loop.logGuardAnswer(.duplicateAddress(address, answered: true))
        #expect(log.matching("guard answered: duplicate-address").count == 3)
    }
}
