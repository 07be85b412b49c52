/// One haresources resource the agent can start, stop and ask about. Every call is bounded by `resource_timeout`.
public protocol ManagedResource: Sendable {
    /// The resource as written in haresources, for logs and errors.
    var name: String { get }
    /// Starts the resource; returns once it serves. Starting a running resource succeeds.
    func start() async throws
    /// Stops the resource; stopping a stopped resource succeeds.
    func stop() async throws
    /// Whether it runs; throws when it is in neither state (or cannot be asked).
    func status() async throws -> ResourceState
}

/// What `status` found.
public enum ResourceState: String, Sendable, Equatable {
    /// It runs and serves.
    case running
    /// It is cleanly not running.
    case stopped
}
