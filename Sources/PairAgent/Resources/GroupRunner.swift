import Logging
import PairCore

/// Carries out the state machine's `startGroup`, `stopGroup` and `checkGroup` for one haresources group: resources
/// start left to right and stop right to left, each call bounded by `resource_timeout`.
public struct GroupRunner: Sendable {
    /// The group's name: its first resource as written.
    public let name: String
    /// The resources in start order.
    public let resources: [any ManagedResource]
    private let timeout: Duration
    private let logger: Logger

    /// A runner for the resources of group `name`, in start order.
    public init(name: String, resources: [any ManagedResource], timeout: Duration, logger: Logger) {
        self.name = name
        self.resources = resources
        self.timeout = timeout
        var logger = logger
        logger[metadataKey: "resource.group"] = "\(name)"
        self.logger = logger
    }

    /// Starts every resource left to right. When one fails, what was started — the failing one included, since it
    /// may be half started — is stopped again right to left, and the outcome says which failed and why. When the
    /// calling task is cancelled, the resource being started is torn down and the start fails at once, leaving the
    /// undo to the `stop()` that follows. `peerReleased`: the peer handed the group over by handshake (see
    /// ``ManagedResource/start(peerReleased:)``).
    public func start(peerReleased: Bool = false) async -> ResourceOutcome {
        await start(resources[...], peerReleased: peerReleased)
    }

    /// Restarts the group in place after a failed check: the first resource whose status is not running (or cannot
    /// be read) and every resource after it are stopped right to left, then started left to right, as `start` does;
    /// the resources before it keep running, so a restart of PostgreSQL leaves the service address where it is.
    /// With every resource running again by now, nothing is restarted. A failed stop fails the restart at once (the
    /// state machine then stops the whole group and hands it over).
    public func restartInPlace() async -> ResourceOutcome {
        var first: Int?
        for (index, resource) in resources.enumerated() {
            if case .success(.running) = await state(of: resource) { continue }
            first = index
            break
        }
        guard let first else {
            logger.notice("every resource runs again; nothing to restart")
            return .succeeded
        }
        let failed = resources[first...]
        logger.notice(
            "restarting the group in place",
            metadata: [
                "resource.name": "\(resources[first].name)",
                "resource.kept": "\(resources[..<first].map(\.name).joined(separator: " "))",
            ])
        if case .failed(let reason) = await stop(failed.reversed()) {
            return .failed("restart in place: \(reason)")
        }
        return await start(failed, peerReleased: false)
    }

    /// Starts `order` left to right; see `start(peerReleased:)`.
    private func start(_ order: ArraySlice<any ManagedResource>, peerReleased: Bool) async -> ResourceOutcome {
        for (index, resource) in zip(order.indices, order) {
            do {
                try await bounded("start", resource) { try await resource.start(peerReleased: peerReleased) }
                logger.info("resource started", metadata: ["resource.name": "\(resource.name)"])
            } catch {
                if Task.isCancelled {
                    // The state machine cancels a start only to stop the group next: that stop undoes it, and
                    // nothing could run here anyway (child processes are not started in a cancelled task).
                    logger.notice("resource start cancelled", metadata: ["resource.name": "\(resource.name)"])
                    return .failed("start of \(resource.name) cancelled")
                }
                let reason = "start of \(resource.name) failed: \(Self.describe(error))"
                logger.error(
                    "resource start failed",
                    metadata: [
                        "resource.name": "\(resource.name)",
                        "resource.error": "\(Self.describe(error))",
                    ])
                let undo = await stop(order[...index].reversed())
                if case .failed(let undoReason) = undo {
                    return .failed("\(reason); undoing the start also failed: \(undoReason)")
                }
                return .failed(reason)
            }
        }
        return .succeeded
    }

    /// Stops every resource right to left. A failed stop does not keep the others running (an address without
    /// its database, or a database without its address, is safer than both); the outcome names every failure.
    public func stop() async -> ResourceOutcome {
        await stop(resources.reversed())
    }

    /// Asks every resource for its status: succeeded when all run, else which does not and why.
    public func check() async -> ResourceOutcome {
        for resource in resources {
            switch await state(of: resource) {
            case .success(.running): continue
            case .success(.stopped): return .failed("\(resource.name) is not running")
            case .failure(let error): return .failed("status of \(resource.name) failed: \(Self.describe(error))")
            }
        }
        return .succeeded
    }

    /// Every resource's status, in start order (for `pgpair resource status`).
    public func states() async -> [(name: String, state: Result<ResourceState, any Error>)] {
        var states: [(name: String, state: Result<ResourceState, any Error>)] = []
        for resource in resources {
            states.append((resource.name, await state(of: resource)))
        }
        return states
    }

    private func state(of resource: any ManagedResource) async -> Result<ResourceState, any Error> {
        do {
            return .success(try await bounded("status", resource) { try await resource.status() })
        } catch {
            return .failure(error)
        }
    }

    private func stop(_ order: [any ManagedResource]) async -> ResourceOutcome {
        var failures: [String] = []
        for resource in order {
            do {
                try await bounded("stop", resource) { try await resource.stop() }
                logger.info("resource stopped", metadata: ["resource.name": "\(resource.name)"])
            } catch {
                logger.error(
                    "resource stop failed",
                    metadata: [
                        "resource.name": "\(resource.name)",
                        "resource.error": "\(Self.describe(error))",
                    ])
                failures.append("stop of \(resource.name) failed: \(Self.describe(error))")
            }
        }
        return failures.isEmpty ? .succeeded : .failed(failures.joined(separator: "; "))
    }

    private func bounded<T: Sendable>(
        _ action: String, _ resource: any ManagedResource, _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await Deadline.run("\(action) of \(resource.name)", timeout: timeout, work)
    }

    static func describe(_ error: any Error) -> String {
        (error as? ResourceError)?.message ?? String(describing: error)
    }
}
