/// The median, 95th percentile and maximum of a benchmark's samples, by the nearest-rank method: the p-th
/// percentile of n sorted samples is the ⌈p·n/100⌉-th, a value that was measured (no interpolation).
public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    public var p50: Duration
    public var p95: Duration
    public var max: Duration

    /// The summary of `samples`; nil when there are none.
    public init?(_ samples: [Duration]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        func percentile(_ p: Int) -> Duration {
            sorted[Swift.max(0, (p * sorted.count + 99) / 100 - 1)]
        }
        count = sorted.count
        p50 = percentile(50)
        p95 = percentile(95)
        max = sorted[sorted.count - 1]
    }
}
