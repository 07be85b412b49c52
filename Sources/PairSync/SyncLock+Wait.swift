extension SyncLock {
    /// Takes the lock at `path`, waiting up to `wait` for another holder to release it (a publish, or a round that
    /// is finishing); throws `.busy` after that, `.cancelled` when the task is cancelled while waiting.
    static func waiting(path: String, upTo wait: Duration) async throws(SyncError) -> SyncLock {
        let deadline = ContinuousClock.now + wait
        while true {
            do {
                return try SyncLock(path: path)
            } catch  where error.code == .busy && ContinuousClock.now < deadline {
                do {
                    try await Task.sleep(for: .milliseconds(100))
                } catch {
                    throw SyncError(.cancelled, "cancelled while waiting for the sync lock")
                }
            }
        }
    }
}
