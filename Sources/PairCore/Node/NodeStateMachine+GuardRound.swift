extension NodeStateMachine {
    /// The guards run before this node starts groups the peer may still hold.
    struct GuardRound {
        /// Why the round runs.
        enum Purpose: Equatable {
            /// The peer fell silent or is dead: every configured guard, fencing included.
            case peerFailure
            /// The peer is up and neither node holds a group this node should take: ping and the
            /// duplicate-address check (a live peer is never fenced).
            case claim
        }

        /// Where fencing stands.
        enum FenceStep: Equatable {
            case notStarted
            case delaying
            case fencing
            case confirmed
            case failed
        }

        var purpose: Purpose
        /// Answers stamped before this are ignored: the start of the silence, or of the claim.
        var since: Instant
        /// True once the verdict is in (the peer is dead, or a claim): the groups are taken when the guards pass.
        var verdict: Bool
        /// The groups to take.
        var groups: [String]
        /// The latest ping round since `since`.
        var reachable: Bool?
        var fence: FenceStep = .notStarted
        /// Failed fence attempts in this round.
        var fenceFailures = 0
        /// ARP answers stamped before this are ignored: `since`, or the fence's confirmation.
        var addressesSince: Instant
        /// The latest probe round per address since `addressesSince`: true when another host answered.
        var addressAnswers: [IPv4Address: Bool] = [:]
        /// The guards the agent runs for this round, in the order started.
        var running: [NodeGuard] = []

        init(purpose: Purpose, since: Instant, verdict: Bool, groups: [String]) {
            self.purpose = purpose
            self.since = since
            self.verdict = verdict
            self.groups = groups
            self.addressesSince = since
        }
    }
}
