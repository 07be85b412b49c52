import ArgumentParser
import Logging
import PairLab

/// `pgpair-lab sweep`: cleans up lab runs whose owner process died (what every lab start does first).
struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the namespaces, processes and files of lab runs whose owner died."
    )

    @Option(help: "The run registry.") var registry = LabRegistry.defaultDirectory

    func run() async throws {
        PgpairLab.bootstrapLogging()
        let swept = try await LabRegistry(directory: registry).sweep(logger: Logger(label: "pgpair.lab"))
        print(swept.isEmpty ? "nothing to sweep" : "swept \(swept.joined(separator: " "))")
    }
}
