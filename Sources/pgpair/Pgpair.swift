import ArgumentParser

/// The `pgpair` command: a two-node hot-standby orchestrator for PostgreSQL.
@main
struct Pgpair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgpair",
        abstract: "Keep a PostgreSQL service available on a pair of machines.",
        subcommands: [
            CheckConfig.self, AgentCommand.self, Status.self, StandbyCommand.self, TakeoverCommand.self,
            MaintenanceCommand.self, UnblockCommand.self, ResourceCommand.self, PullCommand.self, SyncCommand.self,
        ]
    )
}
