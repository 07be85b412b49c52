import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab bench failover`: client-observed downtime of unplanned failovers at keepalive 200 ms with deadtime
/// 1 s and 600 ms, each against its floor (deadtime + a bare `pg_ctl start -w`), and of planned switchovers; every
/// sampled moment with two nodes up on the LAN holding the service address is counted. Each setting runs in a lab
/// of its own; the planned switchovers run in the first.
struct FailoverBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "failover",
        abstract: "Client-observed downtime of unplanned failovers and planned switchovers, against the floor."
    )

    @Option(help: "Unplanned failovers per setting, and planned switchovers (at least 20 for a p95).") var rounds = 20
    @Option(help: "Planned switchovers, when not as many as --rounds (0: none).") var plannedRounds: Int?
    @Option(help: "Bare `pg_ctl start -w` runs for each floor.") var floorRuns = 10
    @Option(help: "The keepalive, in milliseconds.") var keepaliveMs = 200
    @Option(help: "The deadtime of the first setting, in milliseconds.") var deadtimeMs = 1_000
    @Option(help: "The deadtime of the fast setting, in milliseconds.") var fastDeadtimeMs = 600
    @Flag(help: "Configure the client's address as a ping target (`ping 198.18.0.10`) on both nodes.") var ping = false
    @Flag(help: "Configure `fence command` with a program that performs node death of the peer through the lab.")
    var fence = false

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        if let plannedRounds, plannedRounds < 0 { throw ValidationError("--planned-rounds must not be negative") }
        guard floorRuns >= 1 else { throw ValidationError("--floor-runs must be at least 1") }
        guard keepaliveMs >= 10 else { throw ValidationError("--keepalive-ms must be at least 10") }
        for deadtime in [deadtimeMs, fastDeadtimeMs] where deadtime <= 2 * keepaliveMs {
            throw ValidationError(
                "a deadtime of \(deadtime) ms must be more than twice the keepalive, as ha.cf requires")
        }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        _ = try await Self.measure(self)
    }

    /// What `measure` printed, and each setting's result (with its per-run downtimes, which `bench all` charts).
    struct Measured {
        var lines: [String]
        var results: [FailoverBenchmark.Result]
    }

    /// Runs both settings, prints each setting's line as soon as it is measured, then the summary line last;
    /// returns every line printed and the settings' results.
    static func measure(_ options: FailoverBench) async throws -> Measured {
        let keepalive = Duration.milliseconds(options.keepaliveMs)
        var results: [FailoverBenchmark.Result] = []
        let plannedRounds = options.plannedRounds ?? options.rounds
        for (deadtime, planned) in [(options.deadtimeMs, plannedRounds), (options.fastDeadtimeMs, 0)] {
            let benchmark = FailoverBenchmark(
                timings: .benchmark(keepalive: keepalive, deadtime: .milliseconds(deadtime)), rounds: options.rounds,
                plannedRounds: planned, floorRuns: options.floorRuns, guards: options.guards)
            progress(
                "bench failover: \(benchmark.timings), \(options.rounds) failovers, \(planned) switchovers"
                    + (options.ping ? ", ping target" : "") + (options.fence ? ", fence command" : ""))
            let result = try await Lab.with { lab in
                try await benchmark.run(in: lab) { progress("  \($0)") }
            }
            progress("  downtime samples (ms): \(result.milliseconds(result.unplanned))")
            if !result.planned.isEmpty {
                progress("  planned samples (ms): \(result.milliseconds(result.planned))")
            }
            write(result.line)
            results.append(result)
        }
        let summary = FailoverBenchmark.summaryLine(standard: results[0], fast: results[1])
        write(summary)
        return Measured(lines: results.map(\.line) + [summary], results: results)
    }

    /// The guards the flags ask for.
    var guards: LabGuardSettings {
        LabGuardSettings(
            pingTargets: ping ? [LabTopology.random().clientAddress.address] : [],
            fence: fence ? .command(.nodeDeath) : nil)
    }

    static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
