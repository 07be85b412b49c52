import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab bench stability` (issue 7): the pair at a short deadtime, idle but for stress-ng, watched for flips,
/// the service address on both nodes and failed client connections (see `StabilityBenchmark` and
/// docs/benchmarks/stability.md).
struct StabilityBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stability",
        abstract: "Flips, double service addresses and failed connections of a healthy pair under stress-ng."
    )

    @Option(help: "Seconds under each load.") var seconds = 180
    @Option(help: "The keepalive, in milliseconds.") var keepaliveMs = 200
    @Option(help: "The deadtime, in milliseconds.") var deadtimeMs = 600
    @Option(help: "A load to run (cpu, mixed); repeatable. Default: both.") var load: [StabilityLoad] = []

    func validate() throws {
        guard seconds >= 1 else { throw ValidationError("--seconds must be at least 1") }
        guard keepaliveMs >= 10 else { throw ValidationError("--keepalive-ms must be at least 10") }
        guard deadtimeMs > 2 * keepaliveMs else {
            throw ValidationError("--deadtime-ms must be more than twice the keepalive, as ha.cf requires")
        }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        _ = try await Self.measure(self)
    }

    /// Runs every load in one lab, prints each load's line as soon as it is measured, and returns the lines.
    static func measure(_ options: StabilityBench) async throws -> [String] {
        let benchmark = StabilityBenchmark(
            timings: .benchmark(
                keepalive: .milliseconds(options.keepaliveMs), deadtime: .milliseconds(options.deadtimeMs)),
            seconds: options.seconds, loads: options.load.isEmpty ? StabilityLoad.allCases : options.load)
        HeartbeatBench.progress(
            "bench stability: \(benchmark.timings), \(options.seconds) s under each of "
                + benchmark.loads.map(\.rawValue).joined(separator: ", "))
        let results = try await Lab.with { lab in
            try await benchmark.run(in: lab, report: { HeartbeatBench.progress("  \($0)") }) {
                FailoverBench.write($0.line)
            }
        }
        return results.map(\.line)
    }
}

extension StabilityLoad: ExpressibleByArgument {}
