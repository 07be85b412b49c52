extension NodeStateMachine {
    /// The agent started at `now`: the startup window begins. Nothing is started before it ends, `initdead` later
    /// (or at the detector's verdict on a peer never heard, which falls at the same instant).
    public mutating func agentStarted(at now: Instant) -> [NodeAction] {
        guard state == .created else { return [] }
        startedAt = now
        state = .waitingForInitdead
        return [schedule(.initdead, after: settings.initdead, at: now)]
    }

    /// True once `initdead` has passed since the start.
    func initdeadPassed(at now: Instant) -> Bool {
        guard let startedAt else { return false }
        return startedAt.advanced(by: settings.initdead) <= now
    }

    /// The startup window ended: a peer not heard by now is dead, and every group is decided.
    mutating func startupWindowEnded(at now: Instant) -> [NodeAction] {
        timers[.initdead] = nil
        switch state {
        case .waitingForInitdead:
            state = .operating
        case .maintenance(.waitingForInitdead):
            state = .maintenance(resume: .operating)
        default:
            return []
        }
        if peer.liveness == .unknown {
            peer.liveness = .dead
        }
        return reconcile(at: now)
    }

    /// The block a takeover of `pgsql` after the peer's death meets when the peer has not been heard since this
    /// node started (a cold start); nil when the takeover may go on.
    ///
    /// A last-active marker at the node's own epoch means its data is the newest it knows of: it may start on it.
    /// An unclean-stop marker means the peer may have taken over since: the epochs must be compared first. Without a
    /// marker the node holds a standby copy: only `cold_start_takeover yes` lets it take over on it.
    func coldStartBlock() -> NodeBlock? {
        guard !peer.heardSinceStart else { return nil }
        switch marker {
        case .lastActive(let markerEpoch) where markerEpoch == epoch:
            return nil
        case .uncleanStop(let markerEpoch):
            return .uncleanStop(epoch: markerEpoch)
        default:
            return settings.coldStartTakeover ? nil : .coldStart
        }
    }

    /// Compares the marker with the peer's announcement: once the peer holds `pgsql`, or announces an epoch at
    /// least the marker's, the peer has moved on since this node was active, and the marker no longer speaks for the
    /// newest data. It stays while this node holds `pgsql` (then it is this run's own marker).
    mutating func compareMarkerWithPeer() -> [NodeAction] {
        guard let marker, !holdsRoleGroup, let announced = peer.latest, let index = roleGroupIndex else { return [] }
        guard announced.heldGroups.contains(records[index].name) || announced.epoch >= marker.epoch else { return [] }
        self.marker = nil
        return [.clearMarker]
    }
}
