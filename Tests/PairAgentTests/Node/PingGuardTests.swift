import Foundation
import PairCore
import PairNet
import PairTestSupport
import Synchronization
import Testing

@testable import PairAgent

/// The ping guard's rounds with a scripted probe (which addresses answer), and once with real ICMP on loopback.
@Suite("ping guard")
struct PingGuardTests {
    private static let router = IPv4Address("10.0.0.254")!
    private static let gatewayA = IPv4Address("10.0.0.1")!
    private static let gatewayB = IPv4Address("10.0.0.2")!

    /// A probe whose rounds answer for the addresses in `answering` (changeable while the guard runs).
    final class ScriptedProbe: PingGuardProbe {
        let answering: Mutex<Set<IPv4Address>>
        let failure: Mutex<PingError?> = Mutex(nil)
        let rounds = Mutex<[(addresses: [IPv4Address], timeout: Duration, round: PingRound)]>([])

        init(answering: Set<IPv4Address>) {
            self.answering = Mutex(answering)
        }

        func ping(_ addresses: [IPv4Address], timeout: Duration) async throws -> PingRound {
            if let failure = failure.withLock({ $0 }) { throw failure }
            let now = ContinuousClock.now
            let answering = self.answering.withLock { $0 }
            var round = PingRound(began: now)
            for address in addresses where answering.contains(address) {
                round.replies[address] = now
            }
            rounds.withLock { $0.append((addresses, timeout, round)) }
            return round
        }
    }

    private func guardFor(
        _ targets: [PingTarget], probe: ScriptedProbe, interval: Duration = .milliseconds(10),
        log: CapturedLog = CapturedLog()
    ) -> PingGuard {
        PingGuard(targets: targets, interval: interval, probe: probe, logger: log.logger)
    }

    /// Runs the guard until `answers` holds `count` reports, then stops it.
    private func run(_ ping: PingGuard, until count: Int, answers: GuardAnswers) async {
        let task = Task { await ping.run(report: answers.report) }
        #expect(await guardEventually { answers.count >= count })
        task.cancel()
        await task.value
    }

    @Test("every round pings every address once and reports reachable, stamped with the round's start")
    func reachable() async {
        let probe = ScriptedProbe(answering: [Self.gatewayB])
        let targets = [
            PingTarget(kind: .address(Self.router), line: 1),
            PingTarget(kind: .group(name: "gateways", members: [Self.gatewayA, Self.gatewayB, Self.router]), line: 2),
        ]
        let answers = GuardAnswers()
        await run(guardFor(targets, probe: probe), until: 3, answers: answers)
        let rounds = probe.rounds.withLock { $0 }
        #expect(rounds.allSatisfy { $0.addresses == [Self.router, Self.gatewayA, Self.gatewayB] })
        #expect(rounds.allSatisfy { $0.timeout == .milliseconds(10) })
        for (answer, round) in zip(answers.all, rounds) {
            #expect(answer.answer == .ping(reachable: true))
            #expect(answer.at == round.round.began)
        }
    }

    @Test("no target answering is reported as unreachable, and logged once")
    func unreachable() async {
        let probe = ScriptedProbe(answering: [Self.gatewayA])
        let log = CapturedLog()
        let answers = GuardAnswers()
        let targets = [PingTarget(kind: .address(Self.router), line: 1)]
        await run(guardFor(targets, probe: probe, log: log), until: 3, answers: answers)
        #expect(answers.all.allSatisfy { $0.answer == .ping(reachable: false) })
        #expect(log.matching("no ping target answers").count == 1)
        #expect(log.matching("ping target does not answer").first?.metadata["ping.target"] == "10.0.0.254")
    }

    @Test("a target that stops answering turns the answer around, and the change is logged")
    func change() async {
        let probe = ScriptedProbe(answering: [Self.router])
        let log = CapturedLog()
        let answers = GuardAnswers()
        let task = Task {
            await guardFor([PingTarget(kind: .address(Self.router), line: 1)], probe: probe, log: log)
                .run(report: answers.report)
        }
        #expect(await guardEventually { answers.all.contains { $0.answer == .ping(reachable: true) } })
        probe.answering.withLock { $0 = [] }
        #expect(await guardEventually { answers.all.last?.answer == .ping(reachable: false) })
        probe.answering.withLock { $0 = [Self.router] }
        #expect(await guardEventually { answers.all.last?.answer == .ping(reachable: true) })
        task.cancel()
        await task.value
        #expect(log.matching("ping target answers again").count == 1)
    }

    @Test("a round that cannot run reports nothing (nothing is known), and is logged once")
    func cannotRun() async {
        let probe = ScriptedProbe(answering: [Self.router])
        probe.failure.withLock { $0 = PingError(.socketFailed, "no CAP_NET_RAW") }
        let log = CapturedLog()
        let answers = GuardAnswers()
        let task = Task {
            await guardFor([PingTarget(kind: .address(Self.router), line: 1)], probe: probe, log: log)
                .run(report: answers.report)
        }
        #expect(await guardEventually { !log.matching("cannot be probed").isEmpty })
        try? await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await task.value
        #expect(answers.count == 0)
        #expect(log.matching("cannot be probed").count == 1)
    }

    @Test("a round waits at most one second for replies, and never longer than the keepalive")
    func roundTimeout() {
        let probe = ScriptedProbe(answering: [])
        #expect(guardFor([], probe: probe, interval: .seconds(2)).roundTimeout == .seconds(1))
        #expect(guardFor([], probe: probe, interval: .milliseconds(200)).roundTimeout == .milliseconds(200))
    }

    @Test("real ICMP: 127.0.0.1 answers")
    func loopback() async throws {
        try requireIsolatedNetwork()
        let log = CapturedLog()
        let ping = PingGuard(
            targets: [PingTarget(kind: .address(IPv4Address("127.0.0.1")!), line: 1)], interval: .milliseconds(200),
            probe: ICMPPinger(logger: log.logger), logger: log.logger)
        let answers = GuardAnswers()
        // Two rounds that reached it: a round whose reply misses its 200 ms window counts as unreachable, as it
        // must, which a machine stalled by load can cause for one round.
        let task = Task { await ping.run(report: answers.report) }
        let reached = { answers.all.filter { $0.answer == .ping(reachable: true) }.count }
        #expect(await guardEventually { reached() >= 2 }, "answers: \(answers.all.map(\.answer))")
        task.cancel()
        await task.value
    }
}
