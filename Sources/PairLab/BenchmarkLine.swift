/// One output line of a benchmark, `bench NAME: key=value key=value …`, read back into its parts for
/// `docs/benchmarks/RESULTS.md`.
public struct BenchmarkLine: Sendable, Equatable {
    /// The benchmark's name (`heartbeat`, `failover`, `sync`, `stability`).
    public var benchmark: String
    /// The fields, in the order written.
    public var fields: [(key: String, value: String)]

    public static func == (lhs: BenchmarkLine, rhs: BenchmarkLine) -> Bool {
        lhs.benchmark == rhs.benchmark && lhs.fields.map(\.key) == rhs.fields.map(\.key)
            && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// The line's parts; nil when it does not start with `bench NAME:` or a word after it is not `key=value`.
    public init?(_ line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, words[0] == "bench", words[1].hasSuffix(":"), words[1].count > 1 else { return nil }
        benchmark = String(words[1].dropLast())
        var fields: [(key: String, value: String)] = []
        for word in words.dropFirst(2) {
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return nil }
            fields.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
        }
        self.fields = fields
    }

    /// The value of `key`, if the line has it.
    public subscript(key: String) -> String? {
        fields.first { $0.key == key }?.value
    }

    /// A figure summarised as median, p95 and maximum: `NAME_p50_UNIT`, `NAME_p95_UNIT`, `NAME_max_UNIT`.
    public struct Summary: Sendable, Equatable {
        public var name: String
        public var unit: String
        public var p50: String
        public var p95: String?
        public var max: String?
    }

    /// The figures of the line that have a median (`…_p50_…`), in order, with their p95 and maximum when given.
    public var summaries: [Summary] {
        fields.compactMap { field -> Summary? in
            guard let range = field.key.range(of: "_p50_") else { return nil }
            let name = String(field.key[..<range.lowerBound])
            let unit = String(field.key[range.upperBound...])
            return Summary(
                name: name, unit: unit, p50: field.value, p95: self["\(name)_p95_\(unit)"],
                max: self["\(name)_max_\(unit)"])
        }
    }

    /// The fields that belong to no summary (settings, counts, ratios), in order.
    public var otherFields: [(key: String, value: String)] {
        let summarised = Set(
            summaries.flatMap {
                ["\($0.name)_p50_\($0.unit)", "\($0.name)_p95_\($0.unit)", "\($0.name)_max_\($0.unit)"]
            })
        return fields.filter { !summarised.contains($0.key) }
    }
}
