import ArgumentParser
import PairAgent

/// `pgpair takeover [--timeout S] [--force]`: take every group (planned), or override a block with --force.
struct TakeoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "takeover",
        abstract: "Take every group to this node and wait until it runs them.",
        discussion: """
            With a live peer the groups move by handshake: the peer stops and releases each one, then this node \
            starts it. --force overrides a block an operator has judged safe (the agent logs it loudly); with the \
            peer not up it starts the groups at once, without the takeover guards. Exits 0 once this node holds \
            and runs every group; 1 when the agent refuses (its reason is printed), when the takeover fails (this \
            node blocked or in maintenance, a group failed, a peer in maintenance keeping a group), or when no \
            agent answers; 75 when --timeout passes first. Needs root. See docs/operator-commands.md.
            """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var switchover: SwitchoverOptions

    @Flag(help: "Override a block (also one that needs an operator) and, with the peer not up, skip the guards.")
    var force = false

    func run() async throws {
        let connection = try AgentConnection(commandName: "pgpair takeover", options: options)
        try await SwitchoverWait(connection: connection, switchover: .takeOver, timeout: switchover.duration)
            .run(.takeover(force: force))
    }
}
