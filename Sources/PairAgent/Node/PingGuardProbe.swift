import PairCore
import PairNet

/// What the ping guard sends its rounds through: PairNet's `ICMPPinger` on a real node, a fake in tests.
public protocol PingGuardProbe: Sendable {
    /// One round: an echo request to each address, the replies within `timeout` (see `ICMPPinger.ping`).
    func ping(_ addresses: [IPv4Address], timeout: Duration) async throws -> PingRound
}

extension ICMPPinger: PingGuardProbe {}
