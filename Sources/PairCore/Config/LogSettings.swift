/// Where the agent logs: `logfacility`, `logfile`, `debugfile`.
public struct LogSettings: Sendable, Equatable {
    /// The syslog facility (`daemon`, `local0`, …), `none` to disable syslog, or nil for the default (`daemon`).
    public var facility: String?
    /// A file that receives the log besides syslog, if any.
    public var file: String?
    /// A file that receives debug messages, if any.
    public var debugFile: String?

    /// Creates log settings.
    public init(facility: String? = nil, file: String? = nil, debugFile: String? = nil) {
        self.facility = facility
        self.file = file
        self.debugFile = debugFile
    }

    /// The syslog facility names ha.cf accepts, as heartbeat does, plus `none`.
    public static let facilities: Set<String> = [
        "auth", "authpriv", "cron", "daemon", "ftp", "kern", "lpr", "mail", "news", "syslog", "user", "uucp",
        "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7", "none",
    ]
}
