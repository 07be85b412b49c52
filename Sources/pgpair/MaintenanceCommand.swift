import ArgumentParser
import PairAgent

/// `pgpair maintenance on|off`: stop or resume every automatic action; heartbeats continue.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Stop (on) or resume (off) every automatic action of the agent; heartbeats continue.",
        discussion: """
            In maintenance mode the agent takes over nothing, releases nothing, restarts nothing and checks \
            nothing; what runs keeps running. Exits 0 when the agent accepts, 1 when it refuses (its reason is \
            printed) or no agent answers. Needs root. See docs/operator-commands.md.
            """
    )

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case on
        case off
    }

    @OptionGroup var options: CommonOptions

    @Argument(help: "on or off.")
    var mode: Mode

    func run() async throws {
        let connection = try AgentConnection(commandName: "pgpair maintenance \(mode.rawValue)", options: options)
        try await connection.command(.maintenance(on: mode == .on))
        StandardStreams.out("maintenance \(mode.rawValue): accepted\n")
    }
}
