import Foundation

/// How PostgreSQL is asked to shut down (the postmaster's signals).
public enum PostgresShutdown: Sendable {
    /// SIGTERM: wait for clients to leave.
    case smart
    /// SIGINT: disconnect clients, checkpoint, stop cleanly.
    case fast
    /// SIGQUIT: stop at once; recovery runs at the next start.
    case immediate

    var signal: Int32 {
        switch self {
        case .smart: SIGTERM
        case .fast: SIGINT
        case .immediate: SIGQUIT
        }
    }
}

extension Lab {
    /// The lines the lab adds to pg_hba.conf: the lab range may connect and replicate without a password
    /// (the lab is isolated).
    static let pgHbaLines = """

        # pgpair lab: the lab range (198.18.0.0/15) exists only inside the lab's network namespaces.
        host    all             all             198.18.0.0/15           trust
        host    replication     all             198.18.0.0/15           trust

        """

    /// Runs initdb for `node` (as postgres, inside the node's namespace) and lets the lab range in.
    public func initializeCluster(on node: LabNode) async throws {
        let nodePaths = paths.node(node)
        guard !FileManager.default.fileExists(atPath: "\(nodePaths.pgdata)/PG_VERSION") else {
            throw LabError(.invalidState, "\(node) already has a cluster in \(nodePaths.pgdata)")
        }
        logger.info("lab: initdb", metadata: ["lab.node": "\(node.name)"])
        _ = try await run(
            in: .node(node), as: .postgres,
            [
                executables.postgres("initdb"), "--pgdata=\(nodePaths.pgdata)", "--username=postgres", "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--data-checksums", "--no-instructions",
            ], timeout: .seconds(180)
        ).checked()
        guard let hba = FileHandle(forWritingAtPath: "\(nodePaths.pgdata)/pg_hba.conf") else {
            throw LabError(.file, "cannot open \(nodePaths.pgdata)/pg_hba.conf")
        }
        defer { try? hba.close() }
        try hba.seekToEnd()
        try hba.write(contentsOf: Data(Self.pgHbaLines.utf8))
    }

    /// The server settings the lab passes on the command line for `node` (not in postgresql.conf, which
    /// travels with every copy of the data directory).
    public nonisolated func postgresSettings(for node: LabNode, listenAddresses: [String]? = nil) -> [(String, String)]
    {
        [
            ("listen_addresses", (listenAddresses ?? topology.addresses(node).map(\.address)).joined(separator: ",")),
            ("port", "\(topology.postgresPort)"),
            ("unix_socket_directories", paths.node(node).postgresSocketDirectory),
            ("cluster_name", node.name),
        ]
    }

    /// Starts PostgreSQL on `node` (as postgres, inside its namespace) and waits until it accepts
    /// connections. `settings` are further `-c NAME=VALUE` options; `listenAddresses` replaces the node's
    /// lab addresses (e.g. `["*"]`, which inside the namespace still means only the node's own).
    @discardableResult
    public func startPostgres(
        on node: LabNode,
        settings: [(String, String)] = [],
        listenAddresses: [String]? = nil
    ) async throws -> LabProcess {
        let nodePaths = paths.node(node)
        if let running = postgresProcess(on: node) {
            throw LabError(.invalidState, "PostgreSQL already runs on \(node) as \(running)")
        }
        guard FileManager.default.fileExists(atPath: "\(nodePaths.pgdata)/PG_VERSION") else {
            throw LabError(
                .invalidState, "\(node) has no cluster in \(nodePaths.pgdata); call initializeCluster(on:) first")
        }
        let options = (postgresSettings(for: node, listenAddresses: listenAddresses) + settings).flatMap {
            ["-c", "\($0.0)=\($0.1)"]
        }
        let process = try await spawn(
            // SIGINT is the fast shutdown; SIGTERM (smart) would wait for every client to leave.
            "postgres", in: .node(node), node: node, as: .postgres, stopSignal: SIGINT,
            [executables.postgres("postgres"), "-D", nodePaths.pgdata] + options
        )
        try await waitUntil("PostgreSQL on \(node)", process: process, timeout: .seconds(120)) {
            Self.postmasterStatus(pgdata: nodePaths.pgdata, pid: process.pid) == "ready"
        }
        logger.info("lab: PostgreSQL ready", metadata: ["lab.node": "\(node.name)", "lab.pid": "\(process.pid)"])
        return process
    }

    /// The postmaster's status line in postmaster.pid (`starting`, `ready`, `stopping`, …) when the file
    /// belongs to `pid`; what pg_ctl reads, without connecting to anything.
    static func postmasterStatus(pgdata: String, pid: Int32) -> String? {
        guard let text = try? String(contentsOfFile: "\(pgdata)/postmaster.pid", encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 8, Int32(lines[0]) == pid else { return nil }
        return lines[7].trimmingCharacters(in: .whitespaces)
    }

    /// The running postmaster of `node`, if any.
    public func postgresProcess(on node: LabNode) -> LabProcess? {
        runningProcesses(of: node).last { $0.name == "\(node.name).postgres" }
    }

    /// Stops PostgreSQL on `node` and waits until it has ended (SIGKILL after `grace`).
    public func stopPostgres(on node: LabNode, mode: PostgresShutdown = .fast, grace: Duration = .seconds(60))
        async throws
    {
        guard let process = postgresProcess(on: node) else {
            throw LabError(.invalidState, "PostgreSQL does not run on \(node)")
        }
        await process.stop(signal: mode.signal, grace: grace)
    }

    /// Runs SQL with psql on `node` through its unix socket (inside its namespace) and returns psql's
    /// unaligned, tuples-only output; throws when psql fails.
    public func sql(on node: LabNode, _ statement: String) async throws -> String {
        let output = try await run(
            in: .node(node),
            [
                executables.postgres("psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", paths.node(node).postgresSocketDirectory, "-p", "\(topology.postgresPort)",
                "-U", "postgres", "-d", "postgres", "-c", statement,
            ]
        ).checked()
        return output.standardOutput.trimmingCharacters(in: .newlines)
    }
}
