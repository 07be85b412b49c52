/// One way of fencing the peer (`fence command`, `fence ssh`): one attempt, confirmed or not.
protocol Fence: Sendable {
    /// How the method is named in the log, e.g. `command /usr/local/sbin/fence-peer`.
    var method: String { get }

    /// Fences `peer` once. Throws only `CancellationError`, when the task is cancelled (the fence is then
    /// stopped, its result unknown).
    func fence(peer: String) async throws -> FenceOutcome
}
