import Foundation

/// Percentiles by the nearest-rank method, as ``LatencySummary`` takes them: the p-th percentile of n sorted samples
/// is the ⌈p·n/100⌉-th, a value that was measured (no interpolation). For figures that are not durations (bytes,
/// ratios).
public enum NearestRank {
    /// The `p`-th percentile (0…100) of `samples`; nil when there are none.
    public static func percentile<Value: Comparable>(_ p: Int, of samples: [Value]) -> Value? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        return sorted[max(0, min(sorted.count - 1, (p * sorted.count + 99) / 100 - 1))]
    }

    /// The median of `samples` (the 50th percentile by nearest rank); nil when there are none.
    public static func median<Value: Comparable>(_ samples: [Value]) -> Value? {
        percentile(50, of: samples)
    }

    /// `numerator / denominator` as a `Double`; nil when either is missing or the denominator is not positive.
    public static func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
        guard let numerator, let denominator, denominator > 0 else { return nil }
        return numerator / denominator
    }

    /// A ratio (or any figure) with three decimals, `-` for none.
    public static func formatted(_ value: Double?, decimals: Int = 3) -> String {
        guard let value else { return "-" }
        return String(format: "%.\(decimals)f", value)
    }
}
