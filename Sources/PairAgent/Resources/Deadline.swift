/// Runs work bounded by a timeout: when it passes, the work is cancelled (its child processes are torn down) and
/// `ResourceError.timedOut` is thrown.
enum Deadline {
    static func run<T: Sendable>(
        _ what: String, timeout: Duration, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw ResourceError(.timedOut, "\(what) did not finish within resource_timeout (\(timeout))")
            }
            return value
        }
    }
}
