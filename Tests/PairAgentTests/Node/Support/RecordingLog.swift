import Logging
import Synchronization

/// A log handler that keeps every record in memory, so guard tests can check what was logged.
final class RecordingLog: Sendable {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let records = Mutex<[Record]>([])

    /// A logger that writes here (every level).
    var logger: Logger {
        var logger = Logger(label: "pairagent-guard-test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    /// The records whose message contains `text`.
    func matching(_ text: String) -> [Record] {
        records.withLock { $0 }.filter { $0.message.contains(text) }
    }

    fileprivate func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let log: RecordingLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append(Record(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
