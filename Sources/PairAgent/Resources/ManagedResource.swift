/// One haresources resource the agent can start, stop and ask about. Every call is bounded by `resource_timeout`.
public protocol ManagedResource: Sendable {
    /// The resource as written in haresources, for logs and errors.
    var name: String { get }
    /// Starts the resource; returns once it serves. Starting a running resource succeeds.
    func start() async throws
    /// Starts the resource as part of a group the peer released by handshake (`peerReleased`: the peer is alive and
    /// reachable and stopped it cleanly) or of any other start (never contact the peer). Only `pgsql` tells them
    /// apart; every other resource starts as `start()` does.
    func start(peerReleased: Bool) async throws
    /// Stops the resource; stopping a stopped resource succeeds.
    func stop() async throws
    /// Whether it runs; throws when it is in neither state (or cannot be asked).
    func status() async throws -> ResourceState
}

extension ManagedResource {
    /// Starts as `start()` does: the resource has no use for why its group starts.
    public func start(peerReleased: Bool) async throws {
        try await start()
    }
}

/// What `status` found.
public enum ResourceState: String, Sendable, Equatable {
    /// It runs and serves.
    case running
    /// It is cleanly not running.
    case stopped
}
