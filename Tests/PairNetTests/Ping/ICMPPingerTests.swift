import PairCore
import PairTestSupport
import Testing

@testable import PairNet

/// Real ICMP echo through a raw socket, on loopback addresses only, in the test's own network namespace.
@Suite("ICMP pinger")
struct ICMPPingerTests {
    private static let localhost = IPv4Address("127.0.0.1")!
    private static let otherLocal = IPv4Address("127.0.0.2")!

    @Test("a local address answers; the round ends as soon as every address has")
    func answers() async throws {
        try await requireIsolation()
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        let before = ContinuousClock.now
        let round = try await pinger.ping([Self.localhost, Self.otherLocal], timeout: .seconds(20))
        #expect(round.answered(Self.localhost) && round.answered(Self.otherLocal))
        #expect(round.began >= before)
        #expect(round.replies.values.allSatisfy { $0 >= round.began && $0 <= .now })
        #expect(round.unsent.isEmpty)
    }

    @Test("a silent address does not answer within the timeout; another in the same round does")
    func silent() async throws {
        try await SilentLoopback.prepare()
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        // A window long enough for a stalled machine to see 127.0.0.1's reply; the silent address waits it out.
        let round = try await pinger.ping([SilentLoopback.silent, Self.localhost], timeout: .seconds(3))
        #expect(round.answered(Self.localhost))
        #expect(!round.answered(SilentLoopback.silent))
        #expect(round.unsent.isEmpty)
    }

    @Test("an address without a route is not sent to, which is no error: it does not answer")
    func unreachable() async throws {
        try await SilentLoopback.prepare()
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        let round = try await pinger.ping([SilentLoopback.unreachable], timeout: .seconds(20))
        #expect(round.replies.isEmpty)
        // The failed send leaves the socket open for the other addresses' replies.
        let mixed = try await pinger.ping([SilentLoopback.unreachable, Self.localhost], timeout: .seconds(20))
        #expect(mixed.answered(Self.localhost) && mixed.unsent.keys.elementsEqual([SilentLoopback.unreachable]))
        #expect(round.unsent[SilentLoopback.unreachable] != nil, "\(round.unsent)")
    }

    @Test("ping targets: an address is up when it answers, a ping_group when any member does")
    func targets() async throws {
        try await SilentLoopback.prepare()
        let single = PingTarget(kind: .address(SilentLoopback.silent), line: 1)
        let group = PingTarget(
            kind: .group(name: "routers", members: [SilentLoopback.silent, Self.localhost]), line: 2)
        let silentGroup = PingTarget(
            kind: .group(name: "far", members: [SilentLoopback.silent, SilentLoopback.unreachable]), line: 3)
        let addresses = [single, group, silentGroup].flatMap(\.addresses)
        let round = try await ICMPPinger(logger: CapturedLog().logger)
            .ping(Array(Set(addresses)), timeout: .milliseconds(300))
        #expect(!round.isUp(single) && round.isUp(group) && !round.isUp(silentGroup))
        #expect(round.reachesAny(of: [single, group]))
        #expect(!round.reachesAny(of: [single, silentGroup]))
    }

    @Test("rounds at the same time keep their replies apart")
    func concurrent() async throws {
        try await SilentLoopback.prepare()
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        async let first = pinger.ping([Self.localhost], timeout: .seconds(20))
        async let second = pinger.ping([SilentLoopback.silent], timeout: .milliseconds(300))
        let (answered, unanswered) = try await (first, second)
        #expect(answered.answered(Self.localhost))
        #expect(unanswered.replies.isEmpty)
    }

    @Test("cancelling a round ends it at once")
    func cancelled() async throws {
        try await SilentLoopback.prepare()
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        let round = Task { try await pinger.ping([SilentLoopback.silent], timeout: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(50))
        round.cancel()
        await #expect(throws: CancellationError.self) { try await round.value }
    }

    @Test("a round without addresses, with repeated ones, or without time is refused")
    func invalid() async {
        let pinger = ICMPPinger(logger: CapturedLog().logger)
        await #expect(throws: PingError.self) { try await pinger.ping([], timeout: .seconds(1)) }
        await #expect(throws: PingError.self) { try await pinger.ping([Self.localhost], timeout: .zero) }
        await #expect(throws: PingError.self) {
            try await pinger.ping([Self.localhost, Self.localhost], timeout: .seconds(1))
        }
    }
}
