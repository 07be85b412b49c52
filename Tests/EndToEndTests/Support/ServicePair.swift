import Foundation
import PairLab
import Testing

/// Two agents running the service group in a lab, as issue 4's lab builds it: castor's cluster initialised, pollux
/// with a cold copy of it, the group `castor 198.18.0.100/24/lan0 pgsql` (optionally with the order script around
/// `pgsql`), both agents started, castor active and answering the client through the service address.
enum ServicePair {
    /// keepalive 200 ms, deadtime 1 s, warntime 500 ms, initdead 2 s: short, so the suite stays quick.
    static let timings = AgentTimings(
        keepalive: .milliseconds(200), deadtime: .seconds(1), warntime: .milliseconds(500), initdead: .seconds(2))
    /// The bound of every wait: generous, never a measurement.
    static let limit: Duration = .seconds(60)

    static func with<Result: Sendable>(
        _ service: LabServiceSettings = LabServiceSettings(),
        _ body: (Lab) async throws -> Result
    ) async throws -> Result {
        try await Lab.with { lab in
            try await lab.prepareServiceData()
            try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: timings, service: service))
            for node in LabNode.allCases {
                try await lab.startAgent(on: node)
            }
            try await settled(lab, active: .a)
            try await waitForService(from: .a, in: lab)
            return try await body(lab)
        }
    }

    /// Waits until both agents see each other up on every link, `active` is active and its peer a standby that sees
    /// it active.
    static func settled(_ lab: Lab, active: LabNode) async throws {
        for node in LabNode.allCases {
            try await lab.waitFor("the peer up on every link", on: node, within: limit) { $0.peerUpOnEveryLink }
        }
        try await lab.waitFor("\(active.name) active", on: active, within: limit) { $0.role == "active" }
        try await lab.waitFor("\(active.peer.name) a standby", on: active.peer, within: limit) {
            $0.role == "standby" && $0.peer.role == "active"
        }
    }

    /// Probes the service address from the client until `node` answers, and returns that answer.
    @discardableResult
    static func waitForService(from node: LabNode, in lab: Lab) async throws -> ProbeReport {
        let address = lab.topology.serviceAddress.address
        let deadline = ContinuousClock.now + limit
        while true {
            let report = try await lab.probe(address)
            if report.ok, report.clusterName == node.name { return report }
            guard ContinuousClock.now < deadline else {
                throw LabError(
                    .notReady,
                    "\(node.name) did not answer on \(address) within \(limit); last probe: \(report); "
                        + (await diagnostics(lab)))
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Waits until the agent of `node` runs a postmaster other than `killed` (a restart in place).
    static func waitForNewPostmaster(on node: LabNode, replacing killed: Int32, in lab: Lab) async throws {
        let deadline = ContinuousClock.now + limit
        while true {
            if let postmaster = await lab.agentPostmaster(on: node), postmaster.pid != killed { return }
            guard ContinuousClock.now < deadline else {
                throw LabError(
                    .notReady, "\(node.name)'s PostgreSQL was not restarted: " + (await diagnostics(lab)))
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Both nodes' status (when they answer) and the end of their agents' logs, for failure messages.
    static func diagnostics(_ lab: Lab) async -> String {
        var parts: [String] = []
        for node in LabNode.allCases {
            let status = (try? await lab.statusCommand(of: node, timeout: .seconds(5)))?.standardOutput ?? "no answer"
            parts.append("\(node.name) status: \(status)")
            let log = (try? String(contentsOfFile: lab.agentLogFile(of: node), encoding: .utf8)) ?? ""
            parts.append("\(node.name) log: …\(log.suffix(3_000))")
        }
        return parts.joined(separator: "\n")
    }

    /// The service group's name, as `status` reports it.
    static func group(_ lab: Lab) -> String {
        LabServiceSettings().groupName(topology: lab.topology)
    }
}
