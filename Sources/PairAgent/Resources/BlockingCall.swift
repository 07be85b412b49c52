import Foundation
import Synchronization

/// Runs a blocking C call (libpq) on a thread of its own, never on the cooperative pool, bounded by a timeout.
///
/// A blocked C call cannot be interrupted, so a timeout or a cancellation does not wait for it: the caller gets
/// `ResourceError.timedOut` or `CancellationError` at once, and the thread finishes on its own (libpq's
/// `connect_timeout` bounds it) with its result dropped. One thread per call rather than NIO's shared blocking pool
/// (two threads on two cores): a connect that hangs for seconds must not hold up the file I/O queued behind it.
enum BlockingCall {
    static func run<T: Sendable>(
        _ what: String, timeout: Duration, _ body: @escaping @Sendable () -> T
    ) async throws -> T {
        let answer = Answer<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                answer.await(continuation)
                // Only a timer: it sleeps, delivers, and is cancelled as soon as anything else delivers.
                answer.timer = Task {
                    try await Task.sleep(for: timeout)
                    answer.deliver(.failure(ResourceError(.timedOut, "\(what) did not answer within \(timeout)")))
                }
                Thread { answer.deliver(.success(body())) }.start()
            }
        } onCancel: {
            answer.deliver(.failure(CancellationError()))
        }
    }
}

/// The first of the call's result, its timeout and its cancellation, handed to the waiting task exactly once.
private final class Answer<T: Sendable>: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<T, any Error>)
        case delivered(Result<T, any Error>)
        case done
    }
    private let state = Mutex(State.pending)
    private let timerTask = Mutex<Task<Void, any Error>?>(nil)

    /// The timeout's timer, cancelled once an answer is delivered (at once when one already was).
    var timer: Task<Void, any Error>? {
        get { timerTask.withLock { $0 } }
        set {
            let delivered = timerTask.withLock { timer in
                timer = newValue
                return state.withLock { if case .done = $0 { true } else { false } }
            }
            if delivered { newValue?.cancel() }
        }
    }

    func await(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            guard case .delivered(let result) = state else {
                state = .waiting(continuation)
                return nil
            }
            state = .done
            return result
        }
        if let early { continuation.resume(with: early) }
    }

    func deliver(_ result: Result<T, any Error>) {
        let waiting = state.withLock { state -> CheckedContinuation<T, any Error>? in
            switch state {
            case .pending:
                state = .delivered(result)
                return nil
            case .waiting(let continuation):
                state = .done
                return continuation
            case .delivered, .done:
                return nil
            }
        }
        waiting?.resume(with: result)
        if waiting != nil { timerTask.withLock { $0 }?.cancel() }
    }
}
