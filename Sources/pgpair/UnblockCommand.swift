import ArgumentParser
import PairAgent

/// `pgpair unblock`: clear a block that needs an operator, once its cause is gone.
struct UnblockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock",
        abstract: "Clear a block that needs an operator, once its cause is gone.",
        discussion: """
            `pgpair status` shows the block's reason and whether it needs an operator. Exits 0 when the agent \
            accepts, 1 when it refuses (no block, a block that clears by itself, or a cause that still holds; its \
            reason is printed) or no agent answers. Needs root. See docs/operator-commands.md.
            """
    )

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let connection = try AgentConnection(commandName: "pgpair unblock", options: options)
        try await connection.command(.unblock)
        StandardStreams.out("unblock: accepted\n")
    }
}
