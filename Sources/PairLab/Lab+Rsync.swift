import Foundation

extension Lab {
    /// The user the rsync daemons authenticate.
    public nonisolated var rsyncUser: String { LabSyncSettings.rsyncUser }
    /// The read-write module for incoming staging copies; its path is the node's snapshot directory.
    public nonisolated var rsyncStagingModule: String { LabSyncSettings.stagingModule }
    /// The read-only module exporting the node's data directory (pulls of a cleanly stopped cluster).
    public nonisolated var rsyncDataModule: String { "pgpair-data" }

    /// The rsyncd.conf of `node`: both modules run as postgres, authenticated, without DNS lookups.
    public nonisolated func rsyncdConfiguration(for node: LabNode) -> String {
        let nodePaths = paths.node(node)
        return """
            # rsyncd.conf of \(node.name) in lab run \(topology.runID), written by PairLab.
            uid = postgres
            gid = postgres
            use chroot = no
            reverse lookup = no
            numeric ids = yes
            max connections = 8

            [\(rsyncStagingModule)]
                comment = incoming staging copies; snapshots of \(node.name)
                path = \(nodePaths.snapshotDirectory)
                read only = no
                auth users = \(rsyncUser)
                secrets file = \(nodePaths.rsyncdSecrets)

            [\(rsyncDataModule)]
                comment = the data directory of \(node.name), read-only
                path = \(nodePaths.pgdata)
                read only = yes
                auth users = \(rsyncUser)
                secrets file = \(nodePaths.rsyncdSecrets)

            """
    }

    /// Starts `node`'s rsync daemon inside its namespace, listening on `address` (default: the node's
    /// primary-link address), and waits until it listens.
    @discardableResult
    public func startRsyncDaemon(on node: LabNode, address: String? = nil) async throws -> LabProcess {
        let nodePaths = paths.node(node)
        if let running = runningProcesses(of: node).first(where: { $0.name == "\(node.name).rsyncd" }) {
            throw LabError(.invalidState, "an rsync daemon already runs on \(node) as \(running)")
        }
        try writeFile(rsyncdConfiguration(for: node), to: nodePaths.rsyncdConfig, mode: 0o644)
        let listenAddress = address ?? topology.primaryAddress(node).address
        let process = try await spawn(
            "rsyncd", in: .node(node), node: node,
            [
                "rsync", "--daemon", "--no-detach", "--config=\(nodePaths.rsyncdConfig)",
                "--address=\(listenAddress)", "--port=\(topology.rsyncPort)",
                "--log-file=\(nodePaths.log("rsyncd-transfers"))",
            ])
        try await waitUntil("the rsync daemon on \(node)", process: process, timeout: .seconds(30)) {
            await isListening(on: .node(node), port: topology.rsyncPort)
        }
        return process
    }

    /// Writes every node's rsync secrets: the daemon's `user:password` file and the client's password file.
    func writeRsyncSecrets() throws {
        for node in LabNode.allCases {
            let nodePaths = paths.node(node)
            try writeFile("\(rsyncUser):\(rsyncPassword)\n", to: nodePaths.rsyncdSecrets, mode: 0o600)
            try writeFile("\(rsyncPassword)\n", to: nodePaths.rsyncPasswordFile, mode: 0o600)
        }
    }

    /// Whether a TCP socket listens on `port` in `namespace` (`ss`, which reads the socket table).
    func isListening(on namespace: LabNamespace, port: Int) async -> Bool {
        let output = try? await run(in: namespace, ["ss", "-H", "-l", "-t", "-n", "sport", "=", ":\(port)"])
        return output?.succeeded == true && !(output?.standardOutput.isEmpty ?? true)
    }

    /// Writes a file with `mode` set before any content lands in it.
    private nonisolated func writeFile(_ text: String, to path: String, mode: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: mode]) else {
            throw LabError(.file, "cannot create \(path)")
        }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
