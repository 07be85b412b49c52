import Foundation
import PairLab
import Testing

/// Issue 6's pair: `ServicePair`'s service (castor active, pollux a cold copy) with takeover guards — ping targets,
/// fencing through the lab's kit — and the ssh servers the fence needs.
enum SafetyPair {
    /// Builds the lab, prepares the fencing kit when `guards` fence, starts sshd in `sshServers`, starts both agents
    /// and waits until castor serves; runs `body` with the lab and a fence responder (node death on request), which
    /// is stopped whatever happens.
    static func with<Result: Sendable>(
        guards: LabGuardSettings = LabGuardSettings(),
        sshServers: [LabNamespace] = [],
        _ body: (Lab, LabFenceResponder) async throws -> Result
    ) async throws -> Result {
        try await Lab.with { lab in
            try await lab.prepareServiceData()
            if guards.fence != nil {
                try await lab.prepareFencing()
            }
            for namespace in sshServers {
                try await lab.startSSHServer(in: namespace)
            }
            try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: ServicePair.timings, guards: guards))
            for node in LabNode.allCases {
                try await lab.startAgent(on: node)
            }
            try await ServicePair.settled(lab, active: .a)
            try await ServicePair.waitForService(from: .a, in: lab)
            let responder = lab.startFenceResponder()
            do {
                let result = try await body(lab, responder)
                _ = await responder.stop()
                return result
            } catch {
                _ = await responder.stop()
                throw error
            }
        }
    }

    /// Both heartbeat media cut between the nodes while both stay up: the heartbeat link drops everything in the
    /// middle (each end still sends, so neither node loses its media), and the serial cable is pulled.
    static func cutHeartbeatMedia(_ lab: Lab) async throws {
        try await lab.dropTraffic(on: .heartbeat)
        try await lab.endSerialPair()
    }

    /// Waits while `node` stays as `predicate` wants for `duration`, checking every 200 ms; records an issue with the
    /// status that broke it.
    static func holds(
        _ what: String, on node: LabNode, in lab: Lab, for duration: Duration,
        _ predicate: (AgentStatusReport) -> Bool
    ) async throws {
        let end = ContinuousClock.now + duration
        while ContinuousClock.now < end {
            let status = try await lab.status(of: node)
            guard predicate(status) else {
                Issue.record("\(node.name): \(what) did not hold: \(status.json)")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The agent's own log of `node`.
    static func log(of node: LabNode, in lab: Lab) -> String {
        (try? String(contentsOfFile: lab.agentLogFile(of: node), encoding: .utf8)) ?? ""
    }
}
