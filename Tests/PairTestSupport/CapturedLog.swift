import Logging
import Synchronization

/// A log handler that keeps every record in memory, so tests can check what was logged and how often.
public final class CapturedLog: Sendable {
    /// One logged message, with the logger's metadata and the call's merged and rendered as text.
    public struct Record: Sendable {
        /// The level it was logged at.
        public var level: Logger.Level
        /// The message.
        public var message: String
        /// The metadata by key, the call's winning over the logger's.
        public var metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// An empty log.
    public init() {}

    /// A logger that writes here (every level).
    public var logger: Logger {
        var logger = Logger(label: "pgpair-test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    /// Every record, oldest first.
    public var all: [Record] {
        records.withLock { $0 }
    }

    /// Every message, oldest first.
    public var messages: [String] {
        all.map(\.message)
    }

    /// The records whose message contains `text`.
    public func matching(_ text: String) -> [Record] {
        all.filter { $0.message.contains(text) }
    }

    fileprivate func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append(
                Record(
                    level: event.level, message: "\(event.message)",
                    metadata: merged.mapValues { "\($0)" }))
        }
    }
}
