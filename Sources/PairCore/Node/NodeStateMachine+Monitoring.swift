extension NodeStateMachine {
    /// The clock reached `now`: every timer due by then fires, earliest first — the end of the startup window, a
    /// group's check, fencing after `fence_delay` or a retry. A tick with nothing due does nothing.
    public mutating func clockTicked(at now: Instant) -> [NodeAction] {
        announcing { machine in
            let due = machine.timers.filter { $0.value <= now }
                .sorted { ($0.value, machine.rank($0.key)) < ($1.value, machine.rank($1.key)) }
            var actions: [NodeAction] = []
            for (timer, _) in due where machine.timers[timer] != nil {
                machine.timers[timer] = nil
                switch timer {
                case .initdead:
                    actions += machine.startupWindowEnded(at: now)
                case .monitor(let group):
                    actions += machine.checkDue(group)
                case .fenceDelay, .fenceRetry:
                    actions += machine.fenceTimerFired(timer, at: now)
                case .pingLoss:
                    actions += machine.reconcile(at: now)
                }
            }
            return actions
        }
    }

    /// The agent checked `group` at `now`. A running group is checked again `monitor_interval` later; a failed
    /// check restarts it in place (its failed part only, see `NodeAction.restartGroup`), up to `restart_limit`
    /// restarts within `restartWindow`, after which the group is handed to the peer (or, with no peer to take it,
    /// the node blocks). A restart that fails is a failed start: the whole group stops and goes to the peer.
    /// Maintenance and shutdown ignore checks.
    public mutating func monitorReported(_ group: String, result: ResourceOutcome, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard let index = machine.index(of: group), machine.records[index].local == .running else { return [] }
            switch machine.state {
            case .maintenance, .shuttingDown, .shutDown: return []
            default: break
            }
            guard result != .succeeded else {
                return [machine.schedule(.monitor(group: group), after: machine.settings.monitorInterval, at: now)]
            }
            let window = machine.settings.restartWindow
            machine.records[index].restarts.removeAll { $0.advanced(by: window) <= now }
            if machine.records[index].restarts.count < machine.settings.restartLimit {
                machine.records[index].restarts.append(now)
                machine.records[index].local = .starting(.restart)
                machine.timers[.monitor(group: group)] = nil
                return [.restartGroup(group)]
            }
            machine.records[index].restarts = []
            return [.report(.restartLimitReached(group: group))] + machine.stop(index, for: .handOver)
        }
    }

    /// A group's check is due: ask for it while the group runs and no maintenance or shutdown holds.
    private func checkDue(_ group: String) -> [NodeAction] {
        guard let index = index(of: group), records[index].local == .running else { return [] }
        switch state {
        case .maintenance, .shuttingDown, .shutDown: return []
        default: return [.checkGroup(group)]
        }
    }

    /// Timers due at the same instant fire in this order: the startup window, fencing, then checks in group order.
    private func rank(_ timer: NodeTimer) -> Int {
        switch timer {
        case .initdead: return 0
        case .fenceDelay: return 1
        case .fenceRetry: return 2
        case .pingLoss: return 3
        case .monitor(let group): return 4 + (index(of: group) ?? records.count)
        }
    }
}
