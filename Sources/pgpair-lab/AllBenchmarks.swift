import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab bench all`: every benchmark with its default settings (`make bench`), then
/// `docs/benchmarks/RESULTS.md` and its chart `failover-downtime.svg`. The checkout is found from the executable's
/// path (`.build/release/pgpair-lab` lies inside it), else from the working directory; `--output-dir` writes
/// elsewhere.
struct AllBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every benchmark with its default settings and write docs/benchmarks/RESULTS.md."
    )

    /// The chart's file name, next to RESULTS.md.
    static let chartFile = "failover-downtime.svg"
    /// `bench failover`'s flags for the runs with guards, after the one without: a ping target, `fence command`.
    static let guardFlags = ["--ping", "--fence"]

    @Option(help: "Runs or rounds of every benchmark instead of their defaults (for a trial run).") var rounds: Int?
    @Option(help: "Seconds of the stability loads and of the heartbeat's idle window instead of the defaults.")
    var seconds: Int?
    @Option(help: "Where RESULTS.md and the chart go (default: docs/benchmarks/ of the checkout).")
    var outputDir: String?

    func validate() throws {
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if let seconds, seconds < 1 { throw ValidationError("--seconds must be at least 1") }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        let directory = try outputDirectory()
        // The checkout as it is when the measuring begins (the build being measured was made from it).
        let revision = await Self.revision(of: directory)
        let heartbeat = HeartbeatBench.parseOrExit(overrides(rounds: "--runs", seconds: "--idle-seconds"))
        let failover = FailoverBench.parseOrExit(overrides(rounds: "--rounds", seconds: nil))
        // Issue 6's runs: with a ping target, and with `fence command`; their switchovers are the same as without.
        let guarded = Self.guardFlags.map {
            FailoverBench.parseOrExit(overrides(rounds: "--rounds", seconds: nil) + [$0, "--planned-rounds", "0"])
        }
        let sync = SyncBench.parseOrExit(
            overrides(rounds: "--rounds", seconds: nil) + (rounds.map { ["--dumpall-rounds", "\($0)"] } ?? []))
        let stability = StabilityBench.parseOrExit(overrides(rounds: nil, seconds: "--seconds"))

        var lines = try await HeartbeatBench.measure(heartbeat)
        let measured = try await FailoverBench.measure(failover)
        lines += measured.lines
        for options in guarded {
            lines += try await FailoverBench.measure(options).lines
        }
        lines += try await SyncBench.measure(sync)
        lines += try await StabilityBench.measure(stability)

        let report = BenchmarkResultsReport(
            machine: .current(), date: Date(), revision: revision,
            settings: Self.settings(heartbeat: heartbeat, failover: failover, sync: sync, stability: stability),
            lines: lines, chartFile: Self.chartFile)
        let chart = BenchmarkResultsReport.failoverChart(measured.results).render()
        try Data(chart.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(Self.chartFile)"))
        try Data(report.markdown().utf8).write(to: URL(fileURLWithPath: "\(directory)/RESULTS.md"))
        HeartbeatBench.progress("bench all: wrote \(directory)/RESULTS.md and \(directory)/\(Self.chartFile)")
    }

    /// The arguments that replace a benchmark's defaults with `--rounds` and `--seconds`, under its option names.
    private func overrides(rounds roundsOption: String?, seconds secondsOption: String?) -> [String] {
        var arguments: [String] = []
        if let roundsOption, let rounds { arguments += [roundsOption, "\(rounds)"] }
        if let secondsOption, let seconds { arguments += [secondsOption, "\(seconds)"] }
        return arguments
    }

    /// `--output-dir`, else the checkout's docs/benchmarks.
    private func outputDirectory() throws -> String {
        if let outputDir { return outputDir }
        guard let root = RepositoryRoot.find(from: RepositoryRoot.defaultStarts) else {
            throw ValidationError(
                "no pgpair checkout (Package.swift and docs/benchmarks/) above the executable or the working "
                    + "directory; pass --output-dir")
        }
        return "\(root)/docs/benchmarks"
    }

    /// The checkout's commit, with `-dirty` when files differ from it, when git can tell.
    static func revision(of directory: String) async -> String? {
        let output = try? await CommandRunner.run(
            ["git", "-C", directory, "describe", "--always", "--dirty", "--abbrev=7"])
        guard let output, output.succeeded else { return nil }
        let revision = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        return revision.isEmpty ? nil : revision
    }

    /// The settings section of the report.
    static func settings(
        heartbeat: HeartbeatBench, failover: FailoverBench, sync: SyncBench, stability: StabilityBench
    ) -> [String] {
        [
            "heartbeat: keepalive \(heartbeat.keepaliveMs) ms, deadtime "
                + heartbeat.deadtimesMs.map { "\($0) ms" }.joined(separator: " and ")
                + ", \(heartbeat.runs) runs each, idle window \(heartbeat.idleSeconds) s",
            "failover: keepalive \(failover.keepaliveMs) ms, deadtime \(failover.deadtimeMs) ms and "
                + "\(failover.fastDeadtimeMs) ms, \(failover.rounds) unplanned failovers each and \(failover.rounds) "
                + "planned switchovers, \(failover.floorRuns) bare pg_ctl starts per floor; client attempts every "
                + "50 ms; then the unplanned failovers again with a ping target (`--ping`) and with `fence command` "
                + "(`--fence`, a program that performs node death of the peer through the lab)",
            "sync: pgbench scale \(sync.scale), \(sync.changedPercent) % of the accounts updated before each round, "
                + "\(sync.rounds) rsync rounds, \(sync.dumpallRounds) pg_dumpall rounds; two local clusters and an "
                + (sync.loopback ? "rsync daemon on 127.0.0.1" : "rsync daemon across a lab's primary link")
                + "; ratios are pgpair's median over the plain command's median",
            "stability: keepalive \(stability.keepaliveMs) ms, deadtime \(stability.deadtimeMs) ms, "
                + "\(stability.seconds) s under each load (cpu: `stress-ng --cpu 2`; mixed: `stress-ng --cpu 1 --io 1 "
                + "--vm 1 --vm-bytes 256M`); client attempts every 100 ms",
            "every benchmark from a release build, as root, under `unshare --net` (`make bench`)",
        ]
    }
}
