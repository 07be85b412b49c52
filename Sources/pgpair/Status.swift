import ArgumentParser
import Foundation
import PairAgent

/// `pgpair status [--json]`: ask the local agent for the node's view.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the node's view: role, block, groups, peer, links, rejected messages.",
        discussion: """
            Asks the agent on this node through its control socket. Prints a compact table, or with --json the \
            object documented in docs/status-json.md. Exits 3 when no agent answers, 1 when the socket may not be \
            used by this user (root, or control_socket_group when set).
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print the status object as JSON.")
    var json = false

    func run() async throws {
        let connection = try AgentConnection(
            commandName: "pgpair status", options: options, noAgentStatus: ExitStatus.notRunning)
        let status = try await connection.status()
        if json {
            let data = try JSONEncoder.status.encode(status)
            StandardStreams.out(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            StandardStreams.out(status.table())
        }
    }
}
