import NIOConcurrencyHelpers

/// Tells one running piece of work (a group's start, a guard) to stop, from the node's loop, without reaching
/// into the task that runs it: `run(_:)` races the work against the signal and cancels the work when it fires.
final class StopSignal: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, Never>])
        case fired
    }

    private let state = NIOLockedValueBox(State.waiting([]))

    /// Fires the signal: the work under `run(_:)` is cancelled. Firing twice is harmless.
    func fire() {
        let waiters: [CheckedContinuation<Void, Never>] = state.withLockedValue { state in
            guard case .waiting(let waiters) = state else { return [] }
            state = .fired
            return waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// True once fired.
    var fired: Bool {
        state.withLockedValue { if case .fired = $0 { true } else { false } }
    }

    /// Runs `work` until it returns or the signal fires (then `work` is cancelled and nil is returned once it has
    /// ended).
    func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                await self.wait()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Returns once the signal fires, or the task is cancelled.
    private func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = state.withLockedValue { state in
                    guard case .waiting(var waiters) = state else { return true }
                    waiters.append(continuation)
                    state = .waiting(waiters)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            // The work finished first: end the wait by firing; the signal is spent with the work it guarded.
            self.fire()
        }
    }
}
