import PairCore

/// What an install did.
public struct InstallReport: Sendable, Equatable {
    /// The decision and its reason.
    public var decision: InstallDecision
    /// Where the replaced data directory was set aside (never deleted); nil when nothing was replaced.
    public var setAside: String?
    /// The snapshot installed; nil when the data directory was kept.
    public var installed: String?
    /// Files given a copy of their own (they were hard-linked to other snapshots), and their bytes.
    public var ownCopyFiles = 0
    public var ownCopyBytes: UInt64 = 0

    /// A report.
    public init(decision: InstallDecision, setAside: String? = nil, installed: String? = nil) {
        self.decision = decision
        self.setAside = setAside
        self.installed = installed
    }

    /// One line for the log and for `pgpair pull`.
    public var summary: String {
        switch decision {
        case .keep(let reason):
            return "kept the data directory: \(reason)"
        case .refuse(let reason):
            return "refused: \(reason)"
        case .install(_, let reason):
            var line = "installed \(installed ?? "a copy"): \(reason)"
            if let setAside { line += "; the replaced data directory is kept at \(setAside)" }
            return line
        }
    }
}
