import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// Sends log records to syslog(3) with the facility `logfacility` names, as heartbeat did.
public struct SyslogLogHandler: LogHandler {
    /// Opens the process's syslog connection with identity `pgpair` and `facility` (e.g. `daemon`, `local0`).
    /// Call once, from the executable, before logging.
    public static func open(facility: String) {
        openlog(identity, LOG_PID | LOG_NDELAY, facilityCode(facility))
    }

    // openlog keeps the pointer: it must live as long as the process.
    // Written once, before any thread logs; never freed.
    nonisolated(unsafe) private static let identity: UnsafeMutablePointer<CChar> = strdup("pgpair")

    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    /// Creates a handler for the logger named `label`.
    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let text = LogLine.render(
            message: event.message, metadata: metadata.merging(event.metadata ?? [:]) { $1 }, source: nil)
        text.withCString { pointer in
            withVaList([pointer]) { vsyslog(Self.priority(event.level), "%s", $0) }
        }
    }

    static func priority(_ level: Logger.Level) -> Int32 {
        switch level {
        case .trace, .debug: return LOG_DEBUG
        case .info: return LOG_INFO
        case .notice: return LOG_NOTICE
        case .warning: return LOG_WARNING
        case .error: return LOG_ERR
        case .critical: return LOG_CRIT
        }
    }

    static func facilityCode(_ name: String) -> Int32 {
        let codes: [String: Int32] = [
            "auth": LOG_AUTH, "authpriv": LOG_AUTHPRIV, "cron": LOG_CRON, "daemon": LOG_DAEMON, "ftp": LOG_FTP,
            "kern": LOG_KERN, "lpr": LOG_LPR, "mail": LOG_MAIL, "news": LOG_NEWS, "syslog": LOG_SYSLOG,
            "user": LOG_USER, "uucp": LOG_UUCP, "local0": LOG_LOCAL0, "local1": LOG_LOCAL1, "local2": LOG_LOCAL2,
            "local3": LOG_LOCAL3, "local4": LOG_LOCAL4, "local5": LOG_LOCAL5, "local6": LOG_LOCAL6,
            "local7": LOG_LOCAL7,
        ]
        return codes[name] ?? LOG_DAEMON
    }
}
