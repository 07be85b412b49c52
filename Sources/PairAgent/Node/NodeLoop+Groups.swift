import PairCore

extension NodeLoop {
    /// Queues an operation on `group`; starts it at once when the group is idle.
    func enqueue(_ group: String, _ kind: GroupOperation.Kind, failure: String?, peerReleased: Bool = false) -> [Work] {
        if kind == .check, queued[group, default: []].contains(where: { $0.kind == .check }) { return [] }
        nextOperationID += 1
        queued[group, default: []].append(
            GroupOperation(id: nextOperationID, group: group, kind: kind, failure: failure, peerReleased: peerReleased))
        return running[group] == nil ? dequeue(group) : []
    }

    /// A stop: a start still queued is dropped, a start running is cancelled (it undoes nothing itself; the stop
    /// that follows does), then the stop is queued.
    func stop(_ group: String) -> [Work] {
        queued[group]?.removeAll { $0.kind.starts }
        if let current = running[group], current.operation.kind.starts {
            cancelledStarts.insert(current.operation.id)
            current.signal.fire()
        }
        return enqueue(group, .stop, failure: nil)
    }

    /// Starts the next queued operation of `group`, if it is idle.
    func dequeue(_ group: String) -> [Work] {
        guard running[group] == nil, var waiting = queued[group], !waiting.isEmpty else { return [] }
        let operation = waiting.removeFirst()
        queued[group] = waiting
        let signal = StopSignal()
        running[group] = (operation, signal)
        let inbox = self.inbox
        if let failure = operation.failure {
            inbox.post(.operationFinished(operation, .failed(failure), at: .now))
            return []
        }
        guard let runner = runners[group] else {
            inbox.post(.operationFinished(operation, .failed("no such group in haresources"), at: .now))
            return []
        }
        return [
            {
                let outcome: ResourceOutcome
                switch operation.kind {
                case .start:
                    let peerReleased = operation.peerReleased
                    let started = await signal.run { await runner.start(peerReleased: peerReleased) }
                    outcome = started ?? .failed("start cancelled")
                case .restart:
                    outcome = await signal.run { await runner.restartInPlace() } ?? .failed("restart cancelled")
                case .stop: outcome = await runner.stop()
                case .check: outcome = await runner.check()
                }
                inbox.post(.operationFinished(operation, outcome, at: .now))
            }
        ]
    }
}
