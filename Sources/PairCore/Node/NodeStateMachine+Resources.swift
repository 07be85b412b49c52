extension NodeStateMachine {
    /// The agent finished starting `group` at `now`. A success makes it running (and monitored); a failure stops it
    /// (a group that failed to start is in no known state) and then hands it to the peer, or blocks. A result for a
    /// group this node no longer starts (it was told to stop it meanwhile) is ignored.
    public mutating func groupStarted(_ group: String, result: ResourceOutcome, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard let index = machine.index(of: group), machine.records[index].local.isStarting else { return [] }
            guard result == .succeeded else {
                return machine.stop(index, for: .failedStart)
            }
            machine.records[index].local = .running
            machine.records[index].ranSinceTakeover = true
            machine.records[index].failedHere = false
            machine.records[index].requested = false
            switch machine.state {
            case .shuttingDown:
                return machine.stop(index, for: .release)
            case .maintenance:
                return machine.reconcile(at: now)
            default:
                let monitor = machine.schedule(.monitor(group: group), after: machine.settings.monitorInterval, at: now)
                return [monitor] + machine.reconcile(at: now)
            }
        }
    }

    /// The agent finished stopping `group` at `now`. A failed stop is tried again up to `stopAttempts` times, then
    /// the node is blocked and the group stays held (it may still run). A clean stop goes on as its purpose says.
    public mutating func groupStopped(_ group: String, result: ResourceOutcome, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard let index = machine.index(of: group),
                case .stopping(let purpose, let attempt) = machine.records[index].local
            else { return [] }
            guard result == .succeeded else {
                if attempt < machine.settings.stopAttempts {
                    machine.records[index].local = .stopping(purpose, attempt: attempt + 1)
                    return [.stopGroup(group)]
                }
                machine.records[index].local = .stopFailed(purpose)
                machine.enterBlock(.failedStop(group: group))
                return machine.finishShutdownIfDone()
            }
            machine.records[index].local = .stopped
            if machine.currentBlock == .failedStop(group: group) {
                machine.liftOperatorBlock()
            }
            let actions = machine.markerAfterCleanStop(index, purpose: purpose) + machine.stopped(index, for: purpose)
            if machine.state == .shuttingDown {
                return actions + machine.finishShutdownIfDone()
            }
            return actions + machine.reconcile(at: now)
        }
    }

    /// What follows a clean stop, by its purpose.
    private mutating func stopped(_ index: Int, for purpose: LocalGroupState.StopPurpose) -> [NodeAction] {
        let name = records[index].name
        switch purpose {
        case .release:
            if peer.liveness == .up {
                records[index].release = .handOver
            }
            return []
        case .failedStart, .handOver:
            records[index].failedHere = true
            if peer.canTakeGroups {
                records[index].release = .handOver
            } else {
                enterBlock(.cannotRun(group: name))
            }
            return []
        case .yield:
            return []
        case .healedPartition:
            enterBlock(.healedPartition(group: name, epoch: epoch, peerEpoch: peer.latest?.epoch ?? 0))
            return [.setDataDirectoryAside(group: name)]
        }
    }

    /// After a clean stop of `pgsql`: a node that ran it, whose peer is not up and announced no newer epoch, was the
    /// last active and leaves a last-active marker; otherwise the marker goes.
    private mutating func markerAfterCleanStop(_ index: Int, purpose: LocalGroupState.StopPurpose) -> [NodeAction] {
        guard records[index].group.holdsPostgres else { return [] }
        if peer.liveness != .up && records[index].ranSinceTakeover && epoch >= peer.highestEpoch
            && purpose != .healedPartition
        {
            let lastActive = NodeMarker.lastActive(epoch: epoch)
            guard marker != lastActive else { return [] }
            marker = lastActive
            return [.writeMarker(lastActive)]
        }
        guard marker != nil else { return [] }
        marker = nil
        return [.clearMarker]
    }

    /// Stops the group for `purpose` (first attempt); its monitoring ends.
    mutating func stop(_ index: Int, for purpose: LocalGroupState.StopPurpose) -> [NodeAction] {
        records[index].local = .stopping(purpose, attempt: 1)
        timers[.monitor(group: records[index].name)] = nil
        return [.stopGroup(records[index].name)]
    }

    /// Lifts a block that needs an operator once its cause is gone (an unblock, or the retried stop succeeded).
    mutating func liftOperatorBlock() {
        switch state {
        case .blocked:
            state = .operating
        case .maintenance(.blocked):
            state = .maintenance(resume: .operating)
        default:
            break
        }
    }

    /// During shutdown, once nothing is held that could be stopped: the agent may exit.
    mutating func finishShutdownIfDone() -> [NodeAction] {
        guard state == .shuttingDown else { return [] }
        let done = records.allSatisfy { record in
            if case .stopFailed = record.local { return true }
            return record.local == .stopped
        }
        guard done else { return [] }
        state = .shutDown
        return [.shutdownComplete]
    }
}
