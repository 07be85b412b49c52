import Foundation

/// One line of an agent's `logfile`: `2026-11-21T08:00:00.123Z LEVEL message key=value …`.
public struct AgentLogLine: Sendable, Equatable {
    /// When the agent wrote it (UTC, millisecond precision).
    public var time: Date
    /// Everything after the timestamp.
    public var text: String

    public init(time: Date, text: String) {
        self.time = time
        self.text = text
    }

    /// The line, or nil when it does not start with an RFC 3339 UTC timestamp with milliseconds.
    public static func parse(_ line: some StringProtocol) -> AgentLogLine? {
        guard let space = line.firstIndex(of: " ") else { return nil }
        let stamp = String(line[..<space])
        guard let time = try? Date(stamp, strategy: timestampStyle) else { return nil }
        return AgentLogLine(time: time, text: String(line[line.index(after: space)...]))
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    /// The complete lines of the file at `path` from byte `offset` on, and the offset after the last one.
    public static func lines(inFile path: String, from offset: UInt64) -> (lines: [AgentLogLine], end: UInt64) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return ([], offset) }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(),
            let lastNewline = data.lastIndex(of: UInt8(ascii: "\n"))
        else { return ([], offset) }
        let complete = data[data.startIndex...lastNewline]
        let lines = String(decoding: complete, as: UTF8.self).split(separator: "\n").compactMap { parse($0) }
        return (lines, offset + UInt64(complete.count))
    }

    /// The size of the file at `path` now (0 when missing): where lines written from now on start.
    public static func endOffset(ofFile path: String) -> UInt64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
    }
}
