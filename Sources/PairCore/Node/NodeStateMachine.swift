/// The node state machine: decides which groups this node starts, stops, hands over or takes over, from heartbeats,
/// the failure detector's verdicts, resource results, guard answers, operator commands and the clock.
///
/// A value type with no I/O: every event is a `mutating` method that returns the actions the agent carries out, in
/// order. Time is injected as instants of the agent's monotonic clock; timers are actions (`scheduleTimer`) and come
/// back as `clockTicked(at:)`. The rules are those of docs/failover.md:
/// - the role follows the group that holds `pgsql`; every group is owned on its own;
/// - ownership moves by handshake: the holder stops a group, then announces its release (`released=`); only then may
///   the other node start it; a planned takeover asks for the release (`request=`); neither node starts a group the
///   peer announces holding;
/// - after the peer's death the groups are taken only once every configured guard passed (ping, fence, no other
///   host answering ARP for a service address), with answers from after the peer fell silent;
/// - the data epoch increases at every takeover of `pgsql`; a marker in `state_dir` tells the next start whether
///   this node stopped uncleanly or was the last active.
///
/// Extensions hold the events by concern: `+Startup`, `+Handshake`, `+Takeover`, `+Guards`, `+Resources`,
/// `+Monitoring`, `+Operator`, and the views `status` needs in `+Status`.
public struct NodeStateMachine<Instant: InstantProtocol>: Sendable
where Instant.Duration == Duration, Instant: Sendable {
    /// Where the node stands as a whole; each group's own state is in its `GroupRecord`.
    enum State: Equatable {
        /// Created; `agentStarted` not called yet.
        case created
        /// The startup window: the peer is listened to, nothing is started.
        case waitingForInitdead
        /// Normal operation: standby or active follows the groups held.
        case operating
        /// Refusing takeovers and moves until the block clears (by itself, or by an operator).
        case blocked(NodeBlock)
        /// No automatic action until `maintenance off`, which resumes as `resume` says.
        case maintenance(resume: Resume)
        /// Stopping every group before the agent exits.
        case shuttingDown
        /// Every group that could be stopped is stopped; nothing more happens.
        case shutDown
    }

    /// What `maintenance off` returns to.
    enum Resume: Equatable {
        case waitingForInitdead
        case operating
        case blocked(NodeBlock)
    }

    /// The settings it runs with.
    public let settings: NodeSettings
    /// The data epoch: the epoch of this node's latest takeover of `pgsql`, 0 before any.
    public internal(set) var epoch: UInt64
    /// The marker as this node last wrote (or found) it in `state_dir`.
    public internal(set) var marker: NodeMarker?

    var state: State = .created
    var records: [GroupRecord]
    var peer = PeerView()
    var round: GuardRound?
    var timers: [NodeTimer: Instant] = [:]
    var startedAt: Instant?
    /// Set by `pgpair standby`: this node hands its groups to the peer while the peer can take them, and does not
    /// ask for them back with auto_failback, until `pgpair takeover`, a takeover after the peer's death, or a group the
    /// peer releases is taken here.
    var operatorStandby = false
    /// The latest result of the continuous ping rounds (`pingReported`); nil before the first, or without targets.
    var pingReachable: Bool?
    /// False while no heartbeat medium can be used here (`mediaReported`).
    var mediaUsable = true
    /// Since when no ping target has answered, while none has.
    var pingLostSince: Instant?

    /// Creates the machine for a node whose `state_dir` held `persisted`. Call `agentStarted(at:)` first.
    public init(settings: NodeSettings, persisted: PersistedNodeState) {
        self.settings = settings
        self.epoch = persisted.epoch
        self.marker = persisted.marker
        self.records = settings.groups.map { GroupRecord(group: $0) }
    }

    /// Runs `body`, then asks for a heartbeat now when the announcement changed.
    mutating func announcing(_ body: (inout Self) -> [NodeAction]) -> [NodeAction] {
        let before = announcement
        var actions = body(&self)
        if announcement != before {
            // The last heartbeat must leave before the agent exits.
            let position = actions.last == .shutdownComplete ? actions.count - 1 : actions.count
            actions.insert(.announceNow, at: position)
        }
        return actions
    }

    /// The index of the named group.
    func index(of group: String) -> Int? {
        records.firstIndex { $0.name == group }
    }

    /// The index of the group the role follows.
    var roleGroupIndex: Int? {
        records.firstIndex { $0.group.holdsPostgres } ?? (records.isEmpty ? nil : 0)
    }

    /// True when this node holds the group that holds `pgsql` (or the role group).
    var holdsRoleGroup: Bool {
        roleGroupIndex.map { records[$0].local.isHeld } ?? false
    }

    /// Remembers that `timer` is due `delay` after `now`, and asks the agent to tick then.
    mutating func schedule(_ timer: NodeTimer, after delay: Duration, at now: Instant) -> NodeAction {
        timers[timer] = now.advanced(by: delay)
        return .scheduleTimer(timer, after: delay)
    }

    /// The block in force, whether or not maintenance hides it.
    var currentBlock: NodeBlock? {
        switch state {
        case .blocked(let block), .maintenance(.blocked(let block)): return block
        default: return nil
        }
    }

    /// Blocks the node. A block that needs an operator is never replaced by one that clears itself.
    mutating func enterBlock(_ block: NodeBlock) {
        switch state {
        case .operating:
            state = .blocked(block)
        case .blocked(let current) where !current.needsOperator || block.needsOperator:
            state = .blocked(block)
        case .maintenance(let resume):
            if case .blocked(let current) = resume, current.needsOperator, !block.needsOperator { return }
            state = .maintenance(resume: .blocked(block))
        default:
            break
        }
    }

    /// Lifts a block that clears itself (the condition passed, or the peer is heard again).
    mutating func liftPassingBlock() {
        if case .blocked(let block) = state, !block.needsOperator {
            state = .operating
        }
    }
}
