import ArgumentParser

/// `pgpair-lab bench …`: the benchmarks. Each prints one line per setting on standard output and its progress
/// on standard error. Run it from a release build, as root, under `unshare --net` (see docs/benchmarks/).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure pgpair in the lab: one output line per setting.",
        subcommands: [
            HeartbeatBench.self, FailoverBench.self, SyncBench.self, StabilityBench.self, AllBenchmarks.self,
        ]
    )
}
