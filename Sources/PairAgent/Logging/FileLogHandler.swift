import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Appends log records to a file (`logfile`, `debugfile`), one line each, with a UTC timestamp and the level.
///
/// Each record is one `write(2)` to a descriptor opened with `O_APPEND`, so lines from several threads never
/// interleave and a log rotated by moving the file is picked up again at the agent's restart.
public struct FileLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let descriptor: Int32

    /// A handler writing to `descriptor` (from `openFile(_:)`, shared by every logger of the process).
    public init(descriptor: Int32, level: Logger.Level) {
        self.descriptor = descriptor
        self.logLevel = level
    }

    /// Opens `path` for appending (mode 0640); nil when it cannot be opened.
    public static func openFile(_ path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        return descriptor >= 0 ? descriptor : nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let text = LogLine.render(
            message: event.message, metadata: metadata.merging(event.metadata ?? [:]) { $1 }, source: nil)
        let line = "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(text)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in
            write(descriptor, buffer.baseAddress, buffer.count - 1)
        }
    }

    /// The current UTC time as `2026-11-21T08:00:00.123Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let milliseconds = now.tv_nsec / 1_000_000
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = String(milliseconds + 1000).dropFirst()
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
