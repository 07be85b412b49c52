/// Where a lab run keeps its files: everything under one root, `/tmp/pgpair-lab-<runID>/`.
///
/// The nodes share this machine's file system, so every node has its own copy of every path pgpair
/// uses; nothing is shared by accident.
public struct LabPaths: Sendable, Hashable {
    /// The default parent of run roots.
    public static let defaultBase = "/tmp"
    /// Run roots are named `pgpair-lab-<runID>`.
    public static let rootPrefix = "pgpair-lab-"

    /// The run's root directory.
    public let root: String

    public init(runID: String, base: String = LabPaths.defaultBase) {
        root = "\(base)/\(Self.rootPrefix)\(runID)"
    }

    /// Whether `path` has the shape of a run root; the sweep removes no other directory.
    static func isRunRoot(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        return path.hasPrefix("/") && name.hasPrefix(rootPrefix)
            && LabTopology.isRunID(String(name.dropFirst(rootPrefix.count)))
    }

    /// The lab's own logs (socat, …).
    public var logDirectory: String {
        "\(root)/log"
    }

    /// The pseudo terminal that stands for a node's serial port (a symlink socat maintains).
    public func serialDevice(of node: LabNode) -> String {
        "\(root)/serial/\(node.name)"
    }

    /// A node's paths.
    public func node(_ node: LabNode) -> NodePaths {
        NodePaths(directory: "\(root)/\(node.name)")
    }
}

/// The files and directories of one node.
public struct NodePaths: Sendable, Hashable {
    /// Everything of the node lives under this directory.
    public let directory: String

    /// PostgreSQL's data directory (owned by postgres, mode 0700).
    public var pgdata: String { "\(directory)/pgdata" }
    /// PostgreSQL's unix socket directory (`unix_socket_directories`).
    public var postgresSocketDirectory: String { "\(directory)/postgresql" }
    /// pgpair's `state_dir`.
    public var stateDirectory: String { "\(directory)/state" }
    /// pgpair's `snapshot_dir`; the rsync daemon's read-write module points here.
    public var snapshotDirectory: String { "\(directory)/snapshots" }
    /// pgpair's `sync_lockfile`.
    public var syncLockfile: String { "\(directory)/lock/pgpair-sync.lock" }
    /// pgpair's `control_socket`.
    public var controlSocket: String { "\(directory)/run/pgpair.sock" }
    /// The node's configuration directory (`--config-dir`), for ha.cf, haresources and authkeys.
    public var configDirectory: String { "\(directory)/etc" }
    /// The node's logs: postgres.log, rsyncd.log, …
    public var logDirectory: String { "\(directory)/log" }
    /// The rsync daemon's configuration file.
    public var rsyncdConfig: String { "\(directory)/etc/rsyncd.conf" }
    /// The rsync daemon's secrets file (`user:password`, mode 600).
    public var rsyncdSecrets: String { "\(directory)/etc/rsyncd.secrets" }
    /// The password file an rsync client on this node uses (`rsync_password_file`, mode 600).
    public var rsyncPasswordFile: String { "\(directory)/etc/rsync.secret" }

    /// The log file of a process the lab started on this node.
    public func log(_ name: String) -> String {
        "\(logDirectory)/\(name).log"
    }
}
