import ArgumentParser
import PairAgent

/// `pgpair standby [--timeout S]`: hand this node's groups to the peer (a planned switchover).
struct StandbyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standby",
        abstract: "Hand this node's groups to the peer (planned switchover) and wait until the peer runs them.",
        discussion: """
            Exits 0 once the peer holds, and runs, every group this node held when the command started; 1 when \
            the agent refuses (its reason is printed), when the switchover fails (this node or the peer blocked \
            or in maintenance, the peer dead, a group failed), or when no agent answers; 75 when --timeout passes \
            first. Needs root. See docs/operator-commands.md.
            """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var switchover: SwitchoverOptions

    func run() async throws {
        let connection = try AgentConnection(commandName: "pgpair standby", options: options)
        try await SwitchoverWait(connection: connection, switchover: .handOver, timeout: switchover.duration)
            .run(.standby)
    }
}
