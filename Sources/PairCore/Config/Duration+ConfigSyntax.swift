extension Duration {
    /// Parses a time as heartbeat writes it: seconds (`30`, `0.5`), or with a unit suffix `ms`/`msec`, `s`/`sec`,
    /// `us`/`usec`. The result is rounded to the nearest millisecond, as heartbeat does; nil when malformed.
    public init?(configValue text: String) {
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = text.dropFirst(digits.count).lowercased()
        let microsecondsPerUnit: Int
        switch unit {
        case "", "s", "sec": microsecondsPerUnit = 1_000_000
        case "ms", "msec": microsecondsPerUnit = 1_000
        case "us", "usec": microsecondsPerUnit = 1
        default: return nil
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.contains(where: { !$0.isEmpty }) else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1].prefix(6) : ""
        guard whole.count <= 9, let wholeValue = Int(whole.isEmpty ? "0" : whole) else { return nil }
        let fractionValue = Int(fraction + String(repeating: "0", count: 6 - fraction.count)) ?? 0
        // Value in millionths of a unit, then in microseconds, then rounded to milliseconds.
        let millionths = wholeValue * 1_000_000 + fractionValue
        let microseconds =
            millionths / 1_000_000 * microsecondsPerUnit
            + (millionths % 1_000_000) * microsecondsPerUnit / 1_000_000
        self = .milliseconds((microseconds + 500) / 1_000)
    }

    /// The whole number of milliseconds in this duration (rounded toward zero).
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }

    /// The duration as written in the configuration files: `30s` for whole seconds, `1500ms` otherwise.
    public var configDescription: String {
        let milliseconds = wholeMilliseconds
        return milliseconds % 1_000 == 0 ? "\(milliseconds / 1_000)s" : "\(milliseconds)ms"
    }
}
