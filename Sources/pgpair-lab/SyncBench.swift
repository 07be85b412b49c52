import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab bench sync` (issue 5): pgpair's rsync and pg_dumpall rounds against a plain
/// `rsync -a --delete --modify-window=-1` and a plain `pg_dumpall | psql` of the same data to the same place, with two
/// local clusters and an rsync daemon across a lab's primary link (`--loopback`: on 127.0.0.1); see `SyncBenchmark`
/// and docs/benchmarks/sync.md.
struct SyncBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "pgpair's sync rounds against plain rsync -a --delete --modify-window=-1 and pg_dumpall | psql: "
            + "time and bytes ratios."
    )

    @Option(help: "pgbench's scale factor for the source database (about 15 MB per unit; 67 is about 1 GB).")
    var scale = 67
    @Option(help: "Measured rsync rounds (at least 20 for a p95).") var rounds = 20
    @Option(help: "Measured pg_dumpall rounds (each restores the database twice).") var dumpallRounds = 5
    @Option(help: "Percent of pgbench_accounts' rows one UPDATE changes before each round (a contiguous aid range).")
    var changedPercent = 1.0
    @Flag(help: "Copy over loopback in the benchmark's own namespace instead of a lab's primary link.")
    var loopback = false

    func validate() throws {
        guard scale >= 1 else { throw ValidationError("--scale must be at least 1") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        guard dumpallRounds >= 1 else { throw ValidationError("--dumpall-rounds must be at least 1") }
        guard changedPercent > 0, changedPercent <= 100 else {
            throw ValidationError("--changed-percent must be above 0 and at most 100")
        }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        _ = try await Self.measure(self)
    }

    /// Runs the benchmark, prints its lines (the ratios last) and returns them.
    static func measure(_ options: SyncBench) async throws -> [String] {
        let benchmark = SyncBenchmark(
            scale: options.scale, rounds: options.rounds, dumpallRounds: options.dumpallRounds,
            changedPercent: options.changedPercent, overPrimaryLink: !options.loopback,
            postgresBinDirectory: LabExecutables.fromEnvironment().postgresBinDirectory)
        HeartbeatBench.progress(
            "bench sync: scale \(options.scale), \(options.rounds) rsync rounds, \(options.dumpallRounds) pg_dumpall "
                + "rounds, \(options.changedPercent) % of the accounts updated before each")
        let result = try await benchmark.run { HeartbeatBench.progress("  \($0)") }
        for line in result.lines {
            FailoverBench.write(line)
        }
        return result.lines
    }
}
