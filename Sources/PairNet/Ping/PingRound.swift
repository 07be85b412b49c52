import PairCore

/// What one ping round found: which addresses answered, and when.
public struct PingRound: Sendable, Equatable {
    /// When the round's first echo request went out; a round's evidence speaks from here.
    public var began: ContinuousClock.Instant
    /// The addresses that answered, each with the arrival of its reply.
    public var replies: [IPv4Address: ContinuousClock.Instant]
    /// The addresses an echo request could not even be sent to, with the reason (no route, network down …).
    public var unsent: [IPv4Address: String]

    /// A round's result.
    public init(
        began: ContinuousClock.Instant, replies: [IPv4Address: ContinuousClock.Instant] = [:],
        unsent: [IPv4Address: String] = [:]
    ) {
        self.began = began
        self.replies = replies
        self.unsent = unsent
    }

    /// True when `address` answered in this round.
    public func answered(_ address: IPv4Address) -> Bool {
        replies[address] != nil
    }

    /// True when the target answered: a `ping` address when it did, a `ping_group` when any of its members did
    /// (heartbeat's rule: a group is one target).
    public func isUp(_ target: PingTarget) -> Bool {
        switch target.kind {
        case .address(let address): return answered(address)
        case .group(_, let members): return members.contains(where: answered)
        }
    }

    /// True when at least one of `targets` is up: this node can still reach the network beyond its peer.
    public func reachesAny(of targets: [PingTarget]) -> Bool {
        targets.contains(where: isUp)
    }
}
