/// Why a copy is being installed.
public enum InstallPurpose: Sendable, Equatable {
    /// The `pgsql` resource is starting: PostgreSQL starts on the result right after.
    case takeover
    /// The node is starting (`pgpair pull` before the agent): the node will be whatever the agent decides.
    case nodeStart
}
