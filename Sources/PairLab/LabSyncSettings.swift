/// The sync of the lab's agents: `sync_method rsync`, the active pushing its copy over the primary link into the
/// peer's read-write rsync daemon module (`pgpair-staging`, whose path is the peer's `snapshot_dir`; see
/// `Lab.rsyncdConfiguration(for:)`). Set it as `LabServiceSettings.sync`; start the rsync daemons with
/// `Lab.startSyncDaemons(for:)` before the first round.
///
/// Every path is the node's own (`NodePaths`): the nodes share one file system, so nothing may be shared by accident.
public struct LabSyncSettings: Sendable, Hashable {
    /// The user the rsync daemons authenticate (its password is in each node's `rsyncPasswordFile`).
    public static let rsyncUser = "pgpair"
    /// The read-write module for incoming staging copies.
    public static let stagingModule = "pgpair-staging"
    /// The read-only module exporting the data directory.
    public static let dataModule = "pgpair-data"

    /// ha.cf's `sync_interval`; nil writes none (the default 0: rounds run only when a test runs `pgpair sync`
    /// through `Lab.pgpairCommand(_:on:timeout:)`).
    public var interval: Duration?
    /// ha.cf's `snapshot_keep`; nil writes none (the default, 2).
    public var snapshotKeep: Int?
    /// Writes `rsync_source` (the peer's read-only `pgpair-data` module on its primary-link address), so that a
    /// takeover by handshake and `pgpair pull` read the peer's cleanly stopped data directory.
    public var pullFromPeer: Bool

    public init(interval: Duration? = nil, snapshotKeep: Int? = nil, pullFromPeer: Bool = false) {
        self.interval = interval
        self.snapshotKeep = snapshotKeep
        self.pullFromPeer = pullFromPeer
    }

    /// Where `node` pushes: the peer's staging module on its primary-link address, as the lab's user, e.g.
    /// `pgpair@198.18.1.2::pgpair-staging` for castor.
    public static func rsyncTarget(for node: LabNode, topology: LabTopology) -> String {
        "\(rsyncUser)@\(topology.primaryAddress(node.peer).address)::\(stagingModule)"
    }

    /// `node`'s ha.cf lines for the sync.
    public func haCFLines(for node: LabNode, topology: LabTopology, paths: LabPaths) -> [String] {
        let nodePaths = paths.node(node)
        var lines = [
            "sync_method rsync",
            "rsync_target \(Self.rsyncTarget(for: node, topology: topology))",
            "rsync_password_file \(nodePaths.rsyncPasswordFile)",
            "snapshot_dir \(nodePaths.snapshotDirectory)",
            "sync_lockfile \(nodePaths.syncLockfile)",
        ]
        if pullFromPeer {
            let peer = topology.primaryAddress(node.peer).address
            lines.append("rsync_source \(Self.rsyncUser)@\(peer)::\(Self.dataModule)")
        }
        if let snapshotKeep { lines.append("snapshot_keep \(snapshotKeep)") }
        if let interval { lines.append("sync_interval \(interval.wholeMilliseconds)ms") }
        return lines
    }
}
