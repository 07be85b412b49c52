import Foundation
import Synchronization

/// Runs one ssh exchange on a thread of its own, never on the cooperative pool: libssh2 and the name lookup are C
/// calls. The exchange itself is non-blocking and waits in `poll` in short slices, so it notices the task's
/// cancellation (the `SSHStop` it is handed) and its deadline within a slice; the caller waits for the thread to
/// finish, and no thread outlives its call.
enum SSHThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable (SSHStop) throws(SSHError) -> T) async throws -> T {
        let stop = SSHStop()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let thread = Thread {
                    do throws(SSHError) {
                        let value = try body(stop)
                        continuation.resume(returning: value)
                    } catch {
                        continuation.resume(throwing: stop.isCancelled ? CancellationError() : error)
                    }
                }
                thread.name = "pgpair-ssh"
                thread.start()
            }
        } onCancel: {
            stop.cancel()
        }
    }
}

/// Tells a running exchange that its task was cancelled.
final class SSHStop: Sendable {
    private let cancelled = Atomic(false)

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() {
        cancelled.store(true, ordering: .releasing)
    }
}
