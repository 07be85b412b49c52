import Foundation

/// Runs file-system work that blocks for long (copying a data directory's shared files, each fsynced) on a thread of
/// its own, so that it never holds a thread of the cooperative pool: on a two-core node the pool has two threads,
/// and an install at takeover copying hundreds of megabytes would stall the rest of the agent meanwhile. Unlike a
/// libpq call there is no timeout to give up on: the work is bounded by the files' size, and the caller needs its
/// result before it goes on.
enum FileWorkThread {
    /// `body`'s result or error, computed on a new thread while the calling task is suspended.
    static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Result(catching: body)) }.start()
        }
        return try result.get()
    }
}
