extension NodeStateMachine {
    /// A heartbeat from the peer was accepted at `now` (the newest on any link).
    ///
    /// The peer is up: a takeover on its silence is called off (a block from its guards lifts), the marker is
    /// compared with the peer's epoch, conflicts are resolved, and groups move as the handshake says.
    public mutating func peerHeartbeatReceived(_ announced: NodeAnnouncement, at now: Instant) -> [NodeAction] {
        announcing { machine in
            switch machine.state {
            case .created, .shutDown: return []
            default: break
            }
            machine.peer.liveness = .up
            machine.peer.heardSinceStart = true
            machine.peer.latest = announced
            machine.peer.highestEpoch = max(machine.peer.highestEpoch, announced.epoch)
            machine.peer.silentSince = nil
            var actions: [NodeAction] = []
            if machine.round?.purpose == .peerFailure {
                actions += machine.cancelRound()
            }
            return actions + machine.compareMarkerWithPeer() + machine.reconcile(at: now)
        }
    }

    /// A heartbeat from the peer was accepted at `now`: `peerHeartbeatReceived` with what it announces.
    public mutating func peerHeartbeatReceived(_ message: HeartbeatMessage, at now: Instant) -> [NodeAction] {
        peerHeartbeatReceived(NodeAnnouncement(message), at: now)
    }

    /// Brings every group in line with what is known now: conflicts first, then the handshake, then moves.
    mutating func reconcile(at now: Instant) -> [NodeAction] {
        var actions: [NodeAction] = []
        switch state {
        case .operating, .blocked:
            actions += resolveConflicts()
        case .created, .waitingForInitdead, .maintenance, .shuttingDown, .shutDown:
            break
        }
        updateHandshake()
        switch state {
        case .operating:
            break
        case .blocked(let block) where !block.needsOperator:
            break
        default:
            return actions
        }
        switch peer.liveness {
        case .up: actions += moveGroupsWithLivePeer(at: now)
        case .dead: actions += takeOverFromDeadPeer(at: now)
        case .unknown: break
        }
        return actions
    }

    /// Both nodes hold a group. A group this node is still starting is left to the peer. A running one is stopped
    /// by the node with the older claim: for `pgsql` the older takeover (the lower epoch, then the name), which
    /// sets its data aside and blocks; for another group the node that is not its home.
    mutating func resolveConflicts() -> [NodeAction] {
        var actions: [NodeAction] = []
        for index in records.indices where peer.holds(records[index].name) {
            let record = records[index]
            switch record.local {
            case .starting:
                actions += [.report(.yieldedToPeer(group: record.name))] + stop(index, for: .yield)
            case .running where yieldsInConflict(record):
                let purpose: LocalGroupState.StopPurpose = record.group.holdsPostgres ? .healedPartition : .yield
                actions += [.report(.bothHeld(group: record.name))] + stop(index, for: purpose)
            default:
                break
            }
        }
        return actions
    }

    /// Updates what this node announces for each group: a release ends once the peer holds the group (a yield
    /// also when the peer no longer asks); requests are made (auto_failback) and dropped; a request of the peer
    /// for a group this node does not hold is answered with a yield, unless this node asks for it too and wins.
    mutating func updateHandshake() {
        let mayAsk = state == .operating
        for index in records.indices {
            var record = records[index]
            let name = record.name
            if peer.liveness != .up {
                record.release = nil
                record.requested = false
            } else {
                if record.release == .handOver && peer.holds(name) {
                    record.release = nil
                }
                if record.release == .yield && (peer.holds(name) || !peer.requests(name)) {
                    record.release = nil
                }
                if record.local.isHeld || !mayAsk {
                    record.requested = false
                } else if wantsGroupHome(record) {
                    record.requested = true
                }
                if peer.requests(name) && !record.local.isHeld && record.release == nil
                    && !(record.requested && winsContest(record))
                {
                    record.requested = false
                    record.release = .yield
                }
                if peer.releases(name) && record.release != nil && winsContest(record) {
                    record.release = nil
                }
            }
            records[index] = record
        }
    }

    /// With auto_failback on, the home node asks for its group back while the peer holds it and can hand it over.
    func wantsGroupHome(_ record: GroupRecord) -> Bool {
        settings.autoFailback && !operatorStandby && !record.failedHere
            && !(settings.pingConfigured && pingReachable == false)
            && record.group.homeNode == settings.localNode && peer.holds(record.name) && peer.canTakeGroups
    }

    /// With a live peer: release a running group the peer asks for (or every group after `pgpair standby`), start a
    /// group the peer released, and claim an idle group this node should hold (through the guards).
    mutating func moveGroupsWithLivePeer(at now: Instant) -> [NodeAction] {
        var actions: [NodeAction] = []
        var claims: [String] = []
        let operating = state == .operating
        for index in records.indices {
            let record = records[index]
            switch record.local {
            case .running where operating && record.release == nil:
                if peer.requests(record.name) || (operatorStandby && peer.canTakeGroups) {
                    actions += stop(index, for: .release)
                } else if pingLostLongerThanPeer(at: now) {
                    actions += [.report(.pingLost(group: record.name))] + stop(index, for: .release)
                }
            case .stopped:
                if operating && peer.releases(record.name) && !peer.holds(record.name) && record.release == nil {
                    guard !record.failedHere else {
                        enterBlock(.cannotRun(group: record.name))
                        return actions
                    }
                    // Taking what the peer hands over ends this node's own `pgpair standby`: the peer's standby
                    // is the newer wish, and keeping the flag would hand the group straight back.
                    operatorStandby = false
                    actions += startTakeover(of: [record.name], peerReleased: true)
                } else if isIdle(record) && shouldClaim(record) {
                    claims.append(record.name)
                }
            default:
                break
            }
        }
        return actions + claim(claims, at: now)
    }

    /// Neither node holds, releases or asks for the group.
    func isIdle(_ record: GroupRecord) -> Bool {
        let name = record.name
        return record.local == .stopped && record.release == nil && !record.requested && !peer.holds(name)
            && !peer.releases(name) && !peer.requests(name)
    }

    /// This node should take an idle group: it wins the contest, or the peer takes nothing (blocked, maintenance);
    /// never a group that failed here, nor after `pgpair standby` while the peer can take it.
    func shouldClaim(_ record: GroupRecord) -> Bool {
        guard !record.failedHere, !(operatorStandby && peer.canTakeGroups) else { return false }
        return !peer.canTakeGroups || winsContest(record)
    }

    /// Which node should hold a group neither holds: for `pgsql` the node with the higher epoch (it was active
    /// last, so its data is the newest); on equal epochs, and for other groups, the group's home node.
    func winsContest(_ record: GroupRecord) -> Bool {
        if record.group.holdsPostgres, let peerEpoch = peer.latest?.epoch, peerEpoch != epoch {
            return epoch > peerEpoch
        }
        return record.group.homeNode == settings.localNode
    }

    /// Which node stops a group both run: the one with the older claim (see `resolveConflicts`).
    func yieldsInConflict(_ record: GroupRecord) -> Bool {
        if record.group.holdsPostgres {
            let peerEpoch = peer.latest?.epoch ?? 0
            return (epoch, settings.localNode) < (peerEpoch, settings.peerNode)
        }
        return record.group.homeNode != settings.localNode
    }
}
