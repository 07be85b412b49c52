import ArgumentParser
import Foundation
import Logging
import PairLab

/// `pgpair-lab up`: builds a lab and keeps it until SIGINT or SIGTERM, then tears it down. Prints the run's
/// registry record as one JSON line once the lab is ready, so a script (or a test) knows its names.
struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a lab, print its run record as JSON, and keep it until interrupted."
    )

    @Option(name: .customLong("postgres"), help: "Start PostgreSQL on this node (a or b); repeatable.")
    var postgresNodes: [String] = []

    func validate() throws {
        for node in postgresNodes where LabNode(rawValue: node) == nil {
            throw ValidationError("--postgres takes a or b, not \(node)")
        }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging()
        let lab = try await Lab.start()
        do {
            for node in postgresNodes.compactMap(LabNode.init(rawValue:)) {
                try await lab.initializeCluster(on: node)
                try await lab.startPostgres(on: node)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let line = try encoder.encode(await lab.runRecord) + Data("\n".utf8)
            FileHandle.standardOutput.write(line)
        } catch {
            await lab.teardown()
            throw error
        }
        // The lab's interrupt handler tears it down and ends the process.
        while true {
            try await Task.sleep(for: .seconds(3_600))
        }
    }
}
