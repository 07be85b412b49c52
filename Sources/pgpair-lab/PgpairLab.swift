import ArgumentParser
import Logging

@main
struct PgpairLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pgpair-lab",
        abstract: "The two-node lab of pgpair, and the helpers it runs inside its namespaces.",
        subcommands: [
            Up.self, Probe.self, Watch.self, Preflight.self, Sweep.self, Capture.self, SendUDP.self, Bench.self,
            ARPHelper.self, WriteRows.self, Demo.self,
        ]
    )

    static func bootstrapLogging(level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
