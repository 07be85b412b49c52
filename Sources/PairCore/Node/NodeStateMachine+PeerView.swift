extension NodeStateMachine {
    /// What this node knows of its peer, from heartbeats and the failure detector.
    struct PeerView {
        /// Up from a heartbeat on; dead from the detector's verdict (or the end of the startup window unheard).
        var liveness: PeerLiveness = .unknown
        /// True once the peer was heard since this node started.
        var heardSinceStart = false
        /// The newest announcement.
        var latest: NodeAnnouncement?
        /// The highest epoch the peer announced since this node started.
        var highestEpoch: UInt64 = 0
        /// When the current silence began (the last heartbeat), once the peer fell silent; nil while it is heard.
        var silentSince: Instant?

        /// True while the peer is up and announces holding the group.
        func holds(_ group: String) -> Bool {
            liveness == .up && latest?.heldGroups.contains(group) == true
        }

        /// True while the peer is up and announces releasing the group to this node.
        func releases(_ group: String) -> Bool {
            liveness == .up && latest?.releasedGroups.contains(group) == true
        }

        /// True while the peer is up and asks this node to release the group.
        func requests(_ group: String) -> Bool {
            liveness == .up && latest?.requestedGroups.contains(group) == true
        }

        /// True while the peer is up and in a role in which it takes groups (not blocked, not in maintenance).
        var canTakeGroups: Bool {
            guard liveness == .up, let role = latest?.role else { return false }
            return role != .blocked && role != .maintenance
        }
    }
}
