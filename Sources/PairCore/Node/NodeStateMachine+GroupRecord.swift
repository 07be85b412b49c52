extension NodeStateMachine {
    /// What this node knows and has promised about one group.
    struct GroupRecord {
        /// How this node hands the group to its peer (`released=`).
        enum Release: Equatable {
            /// This node held it, stopped it, and hands it over; stands until the peer holds it or dies.
            case handOver
            /// Answers the peer's request: this node does not hold it and will not start it while the peer asks.
            case yield
        }

        /// The group as configured.
        let group: ResourceGroup
        /// Its state here.
        var local: LocalGroupState = .stopped
        /// The release this node announces, if any.
        var release: Release?
        /// True while this node asks the peer to release it (`request=`).
        var requested = false
        /// True after it failed here (a start, or the restart limit): it is not taken again automatically while
        /// the peer is up, until it runs here again or an operator acts.
        var failedHere = false
        /// True once it ran here since its latest takeover: a clean stop then leaves a last-active marker.
        var ranSinceTakeover = false
        /// The restarts in place within the window.
        var restarts: [Instant] = []

        /// The group's name.
        var name: String { group.name }
    }
}
