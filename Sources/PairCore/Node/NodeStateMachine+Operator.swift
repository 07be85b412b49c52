extension NodeStateMachine {
    /// An operator's command at `now`. A refusal is a single `.refuse` action (the command exits 1 with its
    /// reason); otherwise the actions carry the command out. In maintenance mode only `maintenance off` is accepted.
    public mutating func operatorRequested(_ request: OperatorRequest, at now: Instant) -> [NodeAction] {
        announcing { machine in
            switch machine.state {
            case .shuttingDown, .shutDown: return [.refuse(.shuttingDown)]
            case .created: return [.refuse(.startingUp)]
            case .maintenance where request != .maintenance(on: false) && request != .maintenance(on: true):
                return [.refuse(.maintenance)]
            default: break
            }
            switch request {
            case .maintenance(let on): return on ? machine.maintenanceBegan() : machine.maintenanceEnded(at: now)
            case .unblock: return machine.unblockRequested(at: now)
            case .standby: return machine.standbyRequested(at: now)
            case .takeover(let force): return machine.takeoverRequested(force: force, at: now)
            }
        }
    }

    /// The agent is stopping (SIGTERM): every held group is stopped, right group first, and handed to the peer if
    /// it is up; `shutdownComplete` follows once nothing that could be stopped is held. A group that fails to stop
    /// every attempt is left as it is (and said so) rather than holding the exit forever.
    public mutating func shutdownRequested(at now: Instant) -> [NodeAction] {
        announcing { machine in
            switch machine.state {
            case .shuttingDown, .shutDown: return []
            default: break
            }
            machine.state = .shuttingDown
            var actions = machine.cancelRound()
            machine.timers = [:]
            for index in machine.records.indices.reversed() {
                machine.records[index].requested = false
                switch machine.records[index].local {
                case .running, .starting:
                    actions += machine.stop(index, for: .release)
                default:
                    break
                }
            }
            return actions + machine.finishShutdownIfDone()
        }
    }

    /// `maintenance on`: no automatic action from now on; the guards stop; heartbeats go on.
    private mutating func maintenanceBegan() -> [NodeAction] {
        let resume: Resume
        switch state {
        case .waitingForInitdead: resume = .waitingForInitdead
        case .blocked(let block) where block.needsOperator: resume = .blocked(block)
        case .operating, .blocked: resume = .operating
        default: return []
        }
        let actions = cancelRound()
        state = .maintenance(resume: resume)
        for record in records {
            timers[.monitor(group: record.name)] = nil
        }
        updateHandshake()
        return actions
    }

    /// `maintenance off`: back to where it was; running groups are checked again and everything is decided anew.
    private mutating func maintenanceEnded(at now: Instant) -> [NodeAction] {
        guard case .maintenance(let resume) = state else { return [] }
        switch resume {
        case .waitingForInitdead:
            state = .waitingForInitdead
            return initdeadPassed(at: now) ? startupWindowEnded(at: now) : []
        case .operating:
            state = .operating
        case .blocked(let block):
            state = .blocked(block)
        }
        let monitors = records.filter { $0.local == .running }.map { record in
            schedule(.monitor(group: record.name), after: settings.monitorInterval, at: now)
        }
        return monitors + reconcile(at: now)
    }

    /// `unblock`: refused without a block, for a block that clears itself, and while the cause holds. A failed stop
    /// is tried again (the block lifts once it succeeds); any other block lifts now and everything is decided anew.
    private mutating func unblockRequested(at now: Instant) -> [NodeAction] {
        guard case .blocked(let block) = state else { return [.refuse(.notBlocked)] }
        guard block.needsOperator else { return [.refuse(.blockClearsItself(block))] }
        switch block {
        case .coldStart, .uncleanStop:
            guard peer.heardSinceStart else { return [.refuse(.causeHolds(block))] }
        case .failedStop(let group):
            guard let index = index(of: group), case .stopFailed(let purpose) = records[index].local else { break }
            records[index].local = .stopping(purpose, attempt: 1)
            return [.stopGroup(group)]
        case .healedPartition(let group, _, _):
            guard let index = index(of: group), records[index].local == .stopped else {
                return [.refuse(.causeHolds(block))]
            }
        case .cannotRun:
            for index in records.indices {
                records[index].failedHere = false
            }
        case .noPingTarget, .noMedium, .addressInUse, .fenceFailed:
            break
        }
        liftOperatorBlock()
        return reconcile(at: now)
    }

    /// `standby`: hand every group to the peer, which must be up and able to take them. The node then gives its
    /// groups to the peer whenever it can take them and does not ask for them back, until `takeover`.
    private mutating func standbyRequested(at now: Instant) -> [NodeAction] {
        switch state {
        case .waitingForInitdead: return [.refuse(.startingUp)]
        case .blocked(let block) where block.needsOperator: return [.refuse(.blocked(block))]
        default: break
        }
        guard peer.liveness == .up else { return [.refuse(.peerNotUp)] }
        guard peer.canTakeGroups else { return [.refuse(.peerCannotTake(peer.latest?.role ?? .blocked))] }
        operatorStandby = true
        for index in records.indices {
            records[index].requested = false
        }
        return reconcile(at: now)
    }

    /// `takeover`: take every group. With a live peer it asks for them (`request=`) and starts each once released —
    /// never a group the peer holds. With the peer dead the takeover after its death is already under way. `force`
    /// overrides any block, ends the startup window, and with the peer not up starts the groups at once, without
    /// guards and without the cold-start rule.
    private mutating func takeoverRequested(force: Bool, at now: Instant) -> [NodeAction] {
        var actions: [NodeAction] = []
        if force {
            actions.append(.report(.forcedTakeover(overriding: block)))
            actions += cancelRound()
            timers[.initdead] = nil
            state = .operating
            if peer.liveness == .unknown {
                peer.liveness = .dead
            }
            for index in records.indices {
                if case .stopFailed = records[index].local {
                    records[index].local = .starting(.restart)
                    actions.append(.startGroup(records[index].name))
                }
            }
        } else {
            switch state {
            case .waitingForInitdead: return [.refuse(.startingUp)]
            case .blocked(let block): return [.refuse(.blocked(block))]
            default: break
            }
        }
        operatorStandby = false
        for index in records.indices {
            records[index].failedHere = false
            if peer.liveness == .up && !records[index].local.isHeld {
                records[index].requested = true
            }
        }
        if force && peer.liveness != .up {
            return actions + startTakeover(of: records.filter { $0.local == .stopped }.map(\.name))
        }
        return actions + reconcile(at: now)
    }
}
