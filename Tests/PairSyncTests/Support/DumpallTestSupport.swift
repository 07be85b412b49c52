import Foundation
import Logging
import Synchronization

/// A log handler that keeps every message, for tests that check what a round did (or never got to).
final class DumpallCapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var messages: [String] { lines.withLock { $0 } }

    var logger: Logger {
        var logger = Logger(label: "dumpall-test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    private struct Handler: LogHandler {
        let log: DumpallCapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            log.lines.withLock { $0.append("\(event.message)") }
        }
    }
}

/// The processes (PID and command line) whose program's name is `program` and whose command line mentions `text`.
func dumpallProcesses(named program: String, mentioning text: String) -> [(pid: Int32, commandLine: [String])] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> (Int32, [String])? in
        guard let pid = Int32(entry), let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
        else { return nil }
        let words = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard words.first?.split(separator: "/").last.map(String.init) == program,
            words.contains(where: { $0.contains(text) })
        else { return nil }
        return (pid, words)
    }
}
