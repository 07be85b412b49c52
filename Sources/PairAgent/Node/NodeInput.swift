import PairCore

/// One thing that happened to the node, delivered to its loop in order.
enum NodeInput: Sendable {
    /// The heartbeat loop saw a peer message or a detector verdict.
    case heartbeat(HeartbeatObservation)
    /// A group operation ended.
    case operationFinished(GroupOperation, ResourceOutcome, at: ContinuousClock.Instant)
    /// A guard answered, from evidence gathered at `at`.
    case guardAnswered(GuardAnswer, at: ContinuousClock.Instant)
    /// A round of the continuous ping finished.
    case pingRound(PingObservation)
    /// A timer the state machine asked for is due.
    case timerFired
    /// An operator's command, answered through `reply`.
    case operatorRequest(OperatorRequest, reply: @Sendable (OperatorReply) -> Void)
    /// Work to run beside the loop and end at shutdown (the later ARP announcements).
    case background(@Sendable () async -> Void)
    /// SIGTERM or SIGINT: stop every group, then end.
    case shutdown
}

/// One start, restart in place, stop or check of a group; the node runs a group's operations one after another.
struct GroupOperation: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case start
        /// A restart in place of the group's failed part (`NodeAction.restartGroup`): a start, as far as the
        /// machine and a stop that cancels it are concerned.
        case restart
        case stop
        case check

        /// A start or a restart: its result is the machine's `groupStarted`, and a stop cancels it.
        var starts: Bool { self == .start || self == .restart }
    }

    /// Tells a start that was cancelled from one that ran again later.
    var id: Int
    var group: String
    var kind: Kind
    /// When set, the operation fails at once with this reason (the epoch or marker could not be stored first).
    var failure: String?
    /// For a start: the peer released the group by handshake, so the install step may look at the peer's data.
    var peerReleased = false
}
