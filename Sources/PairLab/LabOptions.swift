import Foundation

/// How a lab is set up; the defaults suit the tests and the demo.
public struct LabOptions: Sendable {
    /// Set to 1 to keep a run's files (logs, data directories) after teardown, for a look at a failure.
    public static let keepFilesVariable = "PGPAIR_LAB_KEEP"

    public var executables: LabExecutables
    /// Where run records live (see `LabRegistry`).
    public var registryDirectory: String
    /// The parent of the run's root directory.
    public var rootBase: String
    /// Keep the run's root directory after teardown.
    public var keepsFiles: Bool
    /// Tear the lab down on SIGINT, SIGTERM or SIGHUP before the process ends. A program that handles these
    /// signals itself (e.g. with a ServiceGroup) turns this off and tears the lab down on its own.
    public var handlesInterrupts: Bool

    public init(
        executables: LabExecutables = .fromEnvironment(),
        registryDirectory: String = LabRegistry.defaultDirectory,
        rootBase: String = LabPaths.defaultBase,
        keepsFiles: Bool = ProcessInfo.processInfo.environment[LabOptions.keepFilesVariable] == "1",
        handlesInterrupts: Bool = true
    ) {
        self.executables = executables
        self.registryDirectory = registryDirectory
        self.rootBase = rootBase
        self.keepsFiles = keepsFiles
        self.handlesInterrupts = handlesInterrupts
    }
}

/// Who a command in a lab namespace runs as.
public enum LabUser: Sendable, Hashable {
    case root
    /// The `postgres` OS user, which PostgreSQL's programs need (they refuse root).
    case postgres

    /// The command prefix that switches to this user: `setpriv` execs in place, so PIDs stay known.
    var commandPrefix: [String] {
        switch self {
        case .root: []
        case .postgres: ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--"]
        }
    }
}
