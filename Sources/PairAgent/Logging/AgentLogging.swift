import Logging
import PairCore

/// Where an agent's log goes: syslog with `logfacility` (unless `none`), `logfile` and `debugfile` when set, and
/// standard error when asked (the agent in the foreground of a terminal, or a test).
public enum AgentLogging {
    /// The handler factory for `LoggingSystem.bootstrap`; only the executable calls it, once.
    public static func makeFactory(
        settings: LogSettings, standardError: Bool, level: Logger.Level = .info
    ) -> @Sendable (String) -> any LogHandler {
        let facility = settings.facility ?? "daemon"
        if facility != "none" { SyslogLogHandler.open(facility: facility) }
        let logFile = settings.file.flatMap(FileLogHandler.openFile)
        let debugFile = settings.debugFile.flatMap(FileLogHandler.openFile)
        return { label in
            var handlers: [any LogHandler] = []
            if facility != "none" {
                var handler = SyslogLogHandler(label: label)
                handler.logLevel = level
                handlers.append(handler)
            }
            if let logFile {
                handlers.append(FileLogHandler(descriptor: logFile, level: level))
            }
            if let debugFile {
                handlers.append(FileLogHandler(descriptor: debugFile, level: .debug))
            }
            if standardError {
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                handlers.append(handler)
            }
            return handlers.isEmpty ? SwiftLogNoOpLogHandler() : MultiplexLogHandler(handlers)
        }
    }
}
