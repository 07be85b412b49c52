import Foundation

/// Runs a blocking call (libpq) on a thread of its own, never on the cooperative pool.
///
/// The call is not interrupted by cancellation: libpq's own timeouts bound it, and a round's PostgreSQL calls are
/// short (a slot, a fast checkpoint, the backup's stop).
enum OwnThread {
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.name = name
            thread.start()
        }
    }
}
