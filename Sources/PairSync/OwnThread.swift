import Foundation

/// Runs blocking work on a thread of its own while the calling task is suspended, never on the cooperative pool
/// (two threads on a two-core node): libpq calls, and file work that takes long, such as an install giving a
/// snapshot its own copy of every shared file, each fsynced.
///
/// The work is not interrupted by cancellation: libpq's own timeouts bound its calls (and a round's are short: a
/// slot, a fast checkpoint, the backup's stop), file work is bounded by the files' size, and the caller needs the
/// result before it goes on. The thread is not named: Foundation on Linux applies a name only by chance.
enum OwnThread {
    /// `body`'s result, or its error, computed on a new thread.
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result(catching: body)) }.start()
        }
        return try result.get()
    }
}
