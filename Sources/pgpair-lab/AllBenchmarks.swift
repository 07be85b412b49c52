import ArgumentParser

/// `pgpair-lab bench all`: every benchmark with its default settings (`make bench`).
struct AllBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every benchmark with its default settings."
    )

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        _ = try await HeartbeatBench.measure(HeartbeatBench.parseOrExit([]))
        _ = try await FailoverBench.measure(FailoverBench.parseOrExit([]))
    }
}
