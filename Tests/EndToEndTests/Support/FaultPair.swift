import Foundation
import PairLab
import Testing

/// The fault matrix's pair: `ServicePair`'s service (castor active, pollux a cold copy, `ServicePair.timings`) built
/// from a whole agent configuration, so that a scenario can choose its media; and the checks the scenarios share.
enum FaultPair {
    /// Builds the lab, writes `configuration` on both nodes, starts the rsync daemons when it syncs, starts both
    /// agents and waits until castor serves through the service address; runs `body`. The lab is torn down whatever
    /// happens.
    static func with<Result: Sendable>(
        _ configuration: AgentLabConfiguration = AgentLabConfiguration(timings: ServicePair.timings),
        _ body: (Lab) async throws -> Result
    ) async throws -> Result {
        try await Lab.with { lab in
            try await lab.prepareServiceData()
            try await lab.writeAgentConfiguration(configuration)
            try await lab.startSyncDaemons(for: configuration)
            for node in LabNode.allCases {
                try await lab.startAgent(on: node)
            }
            try await ServicePair.settled(lab, active: .a)
            try await ServicePair.waitForService(from: .a, in: lab)
            return try await body(lab)
        }
    }

    /// Checks every 200 ms for `duration` that nothing moves: castor active and unblocked, pollux a standby that
    /// sees castor up and active, and `links` (when given) holding for both nodes' views. Records an issue with both
    /// statuses at the first check that fails, and returns.
    static func nothingMoves(
        in lab: Lab, for duration: Duration, links: (AgentStatusReport) -> Bool = { _ in true }
    ) async throws {
        let end = ContinuousClock.now + duration
        while ContinuousClock.now < end {
            let castor = try await lab.status(of: .a)
            let pollux = try await lab.status(of: .b)
            let castorHolds = castor.role == "active" && castor.blockedReason == nil && castor.peer.state == .up
            let polluxWaits =
                pollux.role == "standby" && pollux.blockedReason == nil && pollux.peer.state == .up
                && pollux.peer.role == "active"
            guard castorHolds, polluxWaits, links(castor), links(pollux) else {
                Issue.record("something moved: \(castor.json) \(pollux.json)")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The agents' configuration with rsync sync (rounds only when `pgpair sync` runs).
    static let syncing = AgentLabConfiguration(
        timings: ServicePair.timings, service: LabServiceSettings(sync: LabSyncSettings()))

    /// Runs one `pgpair sync` round on castor and waits until pollux's `status` shows it; returns pollux's
    /// `sync.last_success` then.
    @discardableResult
    static func completeRound(in lab: Lab) async throws -> Date {
        // `status` gives times to the second.
        let roundStart = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        try await lab.runSyncRound(on: .a)
        let copied = try await lab.waitFor("the round in pollux's status", on: .b, within: ServicePair.limit) {
            (try? $0.syncReport())??.lastSuccess.map { $0 >= roundStart } == true
        }
        return try #require(try copied.syncReport()?.lastSuccess)
    }

    /// The lines of `node`'s agent log that record a change of role to `role`.
    static func roleChanges(to role: String, on node: LabNode, in lab: Lab) -> [String] {
        AgentPair.log(of: node, in: lab).split(separator: "\n").map(String.init).filter {
            $0.contains("role changed") && $0.contains("node.role=\(role)")
        }
    }
}
