import ArgumentParser
import Foundation
import PairAgent

/// `pgpair status [--json]`: ask the local agent for the node's view.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the node's view: role, peer, links, rejected messages.",
        discussion: """
            Asks the agent on this node through its control socket. Prints a compact table, or with --json the \
            object documented in docs/status-json.md. Exits 3 when no agent answers.
            """
    )

    @OptionGroup var options: CommonOptions

    @Flag(help: "Print the status object as JSON.")
    var json = false

    func run() async throws {
        let socket = try ControlSocketLocation.path(options: options)
        let response: ControlResponse
        do {
            response = try await ControlClient(path: socket).send(ControlRequest(command: .status))
        } catch let error as ControlSocketError where error.code == .noAgent {
            StandardStreams.error("pgpair status: no agent answers on \(socket): is `pgpair agent` running?\n")
            throw ExitStatus.notRunning
        }
        guard response.ok, let status = response.status else {
            StandardStreams.error("pgpair status: \(response.error ?? "the agent gave no status")\n")
            throw ExitCode.failure
        }
        if json {
            let data = try JSONEncoder.status.encode(status)
            StandardStreams.out(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            StandardStreams.out(status.table())
        }
    }
}
