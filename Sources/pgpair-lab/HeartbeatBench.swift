import ArgumentParser
import Foundation
import Logging
import PairLab

/// `pgpair-lab bench heartbeat`: the time from kill -9 of a peer's agent to the survivor's `peer dead`, and an
/// idle agent's CPU and memory, at each deadtime given (keepalive fixed).
struct HeartbeatBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heartbeat",
        abstract: "Failure detection latency after kill -9 of the peer's agent; an idle agent's CPU and RSS."
    )

    @Option(help: "Runs per setting (at least 20 for a p95).") var runs = 20
    @Option(help: "The keepalive, in milliseconds.") var keepaliveMs = 200
    @Option(name: .customLong("deadtime-ms"), help: "A deadtime to measure, in milliseconds; repeatable.")
    var deadtimesMs: [Int] = [1_000, 600]
    @Option(help: "The idle window for CPU and memory, in seconds.") var idleSeconds = 60

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard keepaliveMs >= 10 else { throw ValidationError("--keepalive-ms must be at least 10") }
        for deadtime in deadtimesMs where deadtime <= 2 * keepaliveMs {
            throw ValidationError("--deadtime-ms \(deadtime) must be more than twice the keepalive, as ha.cf requires")
        }
        guard idleSeconds >= 1 else { throw ValidationError("--idle-seconds must be at least 1") }
    }

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        _ = try await Self.measure(self)
    }

    /// Runs every setting, each in a lab of its own; prints each output line as soon as it is measured and
    /// returns them all.
    static func measure(_ options: HeartbeatBench) async throws -> [String] {
        var lines: [String] = []
        for deadtime in options.deadtimesMs {
            let benchmark = HeartbeatBenchmark(
                timings: .benchmark(keepalive: .milliseconds(options.keepaliveMs), deadtime: .milliseconds(deadtime)),
                runs: options.runs, idleWindow: .seconds(options.idleSeconds))
            progress("bench heartbeat: \(benchmark.timings), \(options.runs) runs")
            let result = try await Lab.with { lab in
                try await benchmark.run(in: lab) { progress("  \($0)") }
            }
            let samples = result.sampleMilliseconds.map(String.init).joined(separator: " ")
            progress("  detection samples (ms): \(samples)")
            lines.append(result.line)
            FileHandle.standardOutput.write(Data((result.line + "\n").utf8))
        }
        return lines
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
