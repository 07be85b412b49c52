/// The figures of rsync's `--stats` report that a round records.
public struct RsyncStatistics: Sendable, Equatable {
    /// `Total bytes sent`: what the sending side put on the wire.
    public var bytesSent: Int64 = 0
    /// `Total bytes received`.
    public var bytesReceived: Int64 = 0
    /// `Total transferred file size`: the size of the files whose content was sent (in whole or as a delta).
    public var transferredFileBytes: Int64 = 0

    /// Reads `Total bytes sent`, `Total bytes received` and `Total transferred file size` from rsync's output;
    /// missing lines count as zero. Digit grouping (`1,234`) is ignored, whatever the locale put there.
    public init(parsing output: String) {
        for line in output.split(whereSeparator: \.isNewline) {
            if let value = Self.value(line, after: "Total bytes sent:") {
                bytesSent = value
            } else if let value = Self.value(line, after: "Total bytes received:") {
                bytesReceived = value
            } else if let value = Self.value(line, after: "Total transferred file size:") {
                transferredFileBytes = value
            }
        }
    }

    /// No bytes.
    public init() {}

    static func + (lhs: RsyncStatistics, rhs: RsyncStatistics) -> RsyncStatistics {
        var sum = RsyncStatistics()
        sum.bytesSent = lhs.bytesSent + rhs.bytesSent
        sum.bytesReceived = lhs.bytesReceived + rhs.bytesReceived
        sum.transferredFileBytes = lhs.transferredFileBytes + rhs.transferredFileBytes
        return sum
    }

    private static func value(_ line: Substring, after prefix: String) -> Int64? {
        guard line.hasPrefix(prefix) else { return nil }
        let digits = line.dropFirst(prefix.count).drop { $0 == " " }.prefix { $0.isNumber || $0 == "," || $0 == "." }
        return Int64(digits.filter(\.isNumber))
    }
}
