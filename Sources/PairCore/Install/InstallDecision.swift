/// What an install does with the data directory.
public enum InstallDecision: Sendable, Equatable {
    /// The current data directory is the newest usable copy: it stays as it is.
    case keep(reason: String)
    /// Replace the current data directory (set aside, never deleted) with a newer copy.
    case install(CopyCandidate, reason: String)
    /// Do nothing, and fail what asked: starting PostgreSQL now could run a second copy or lose data.
    case refuse(reason: String)
}
