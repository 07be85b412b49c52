import Foundation
import PairLab
import Testing

/// Two agents in a lab, configured alike, each seeing the other up on every link.
enum AgentPair {
    /// Builds a lab, writes `configuration` on both nodes, starts both agents, waits until each sees the other
    /// up on every link, and runs `body`. The lab is torn down whatever happens.
    static func with<Result: Sendable>(
        _ configuration: AgentLabConfiguration = AgentLabConfiguration(),
        _ body: (Lab) async throws -> Result
    ) async throws -> Result {
        try await Lab.with { lab in
            try await lab.writeAgentConfiguration(configuration)
            for node in LabNode.allCases {
                try await lab.startAgent(on: node)
            }
            for node in LabNode.allCases {
                try await lab.waitFor("the peer up on every link", on: node) { $0.peerUpOnEveryLink }
            }
            return try await body(lab)
        }
    }

    /// The medium strings of `node`'s links, as its ha.cf writes them: the ucast line to the peer, the serial line.
    static func media(of node: LabNode, in lab: Lab) throws -> (unicast: String, serial: String) {
        (
            AgentLabConfiguration.unicastMedium(to: node.peer, topology: lab.topology),
            AgentLabConfiguration.serialMedium(device: try lab.serialTerminal(of: node))
        )
    }

    /// The agent's own log (`logfile`) of `node`.
    static func log(of node: LabNode, in lab: Lab) -> String {
        (try? String(contentsOfFile: lab.agentLogFile(of: node), encoding: .utf8)) ?? ""
    }
}
