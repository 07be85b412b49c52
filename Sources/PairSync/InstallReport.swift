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
    /// What the peer offered, when the install asked it (its PostgreSQL answers, its export could not be read, or
    /// what its copied data directory is); nil when the peer was not contacted.
    public var peerNote: String?

    /// A report.
    public init(decision: InstallDecision, setAside: String? = nil, installed: String? = nil, peerNote: String? = nil) {
        self.decision = decision
        self.setAside = setAside
        self.installed = installed
        self.peerNote = peerNote
    }

    /// One line for the log and for `pgpair pull`.
    public var summary: String {
        let line: String
        switch decision {
        case .keep(let reason):
            line = "kept the data directory: \(reason)"
        case .refuse(let reason):
            line = "refused: \(reason)"
        case .install(_, let reason):
            let aside = setAside.map { "; the replaced data directory is kept at \($0)" } ?? ""
            line = "installed \(installed ?? "a copy"): \(reason)\(aside)"
        }
        return peerNote.map { "\(line) (\($0))" } ?? line
    }
}
