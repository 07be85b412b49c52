import Foundation
import Logging

/// The two-node lab: network namespaces for two nodes, a LAN switch and a client, the links between them, a
/// pseudo serial pair, and on demand per node a PostgreSQL cluster and an rsync daemon. See docs/lab.md.
///
/// ```swift
/// try await Lab.with { lab in
///     try await lab.initializeCluster(on: .a)
///     try await lab.startPostgres(on: .a)
///     let report = try await lab.probe(lab.topology.lanAddress(.a).address, insert: "hello")
/// }
/// ```
///
/// The lab refuses to start unless this process's network namespace has no default route. Everything it
/// runs inside a lab namespace is a child process started with `ip netns exec`; this process never
/// switches namespace. Teardown ends every process it started, by PID, and deletes every namespace.
public actor Lab {
    public nonisolated let topology: LabTopology
    public nonisolated let paths: LabPaths
    public nonisolated let executables: LabExecutables
    public nonisolated let options: LabOptions
    public nonisolated let logger: Logger
    /// The password of the rsync daemons' user (`rsyncUser`), also in each node's `rsyncPasswordFile`.
    public nonisolated let rsyncPassword: String

    let registry: LabRegistry
    private let lock: LabLock
    var record: LabRunRecord
    /// Every long-running process started, in start order.
    public private(set) var startedProcesses: [LabProcess] = []
    private var isTornDown = false

    private init(topology: LabTopology, options: LabOptions, lock: LabLock, logger: Logger) {
        self.topology = topology
        self.lock = lock
        self.paths = LabPaths(runID: topology.runID, base: options.rootBase)
        self.executables = options.executables
        self.options = options
        var logger = logger
        logger[metadataKey: "lab.run"] = "\(topology.runID)"
        self.logger = logger
        self.rsyncPassword =
            String(format8Hex: .random(in: .min ... .max)) + String(format8Hex: .random(in: .min ... .max))
        self.registry = LabRegistry(directory: options.registryDirectory)
        self.record = LabRunRecord(
            runID: topology.runID,
            ownerPID: getpid(),
            ownerStartTime: ProcessTable.entry(getpid())?.startTime ?? 0,
            root: paths.root,
            namespaces: topology.namespaceNames
        )
    }

    /// Builds a lab, runs `body` with it, and tears it down whether `body` returns or throws.
    public static func with<Result: Sendable>(
        options: LabOptions = LabOptions(),
        logger: Logger = Logger(label: "pgpair.lab"),
        _ body: (Lab) async throws -> Result
    ) async throws -> Result {
        let lab = try await start(options: options, logger: logger)
        do {
            let result = try await body(lab)
            await lab.teardown()
            return result
        } catch {
            await lab.teardown()
            throw error
        }
    }

    /// Builds a lab: checks isolation, sweeps leftovers of dead runs, records the run, creates the
    /// namespaces, links and directories, and starts the serial pair. The caller must call `teardown()`;
    /// prefer `with(options:logger:_:)`.
    public static func start(options: LabOptions = LabOptions(), logger: Logger = Logger(label: "pgpair.lab"))
        async throws -> Lab
    {
        try await NetworkSafety.requireIsolation()
        try LabExecutables.require(
            LabExecutables.systemTools + [options.executables.pgpairLab]
                + ["initdb", "postgres", "psql"].map(options.executables.postgres)
        )
        let lock = try await LabLock.acquire(directory: options.registryDirectory, logger: logger)
        let registry = LabRegistry(directory: options.registryDirectory)
        await registry.sweepHoldingLock(logger: logger)
        let lab = Lab(topology: freshTopology(options: options), options: options, lock: lock, logger: logger)
        try await lab.build()
        return lab
    }

    /// A run ID that no namespace or directory uses yet.
    private static func freshTopology(options: LabOptions) -> LabTopology {
        while true {
            let topology = LabTopology.random()
            let taken =
                topology.namespaceNames.contains { FileManager.default.fileExists(atPath: "/run/netns/\($0)") }
                || FileManager.default.fileExists(atPath: LabPaths(runID: topology.runID, base: options.rootBase).root)
            if !taken { return topology }
        }
    }

    private func build() async throws {
        try registry.write(record)
        LiveLabs.add(self, handlingInterrupts: options.handlesInterrupts)
        logger.info("lab: building", metadata: ["lab.root": "\(paths.root)"])
        do {
            try createDirectories()
            try writeRsyncSecrets()
            try await buildNetwork()
            try await startSerialPair()
        } catch {
            logger.error("lab: build failed, tearing down: \(error)")
            await teardown()
            throw error
        }
    }

    // MARK: Teardown

    /// Ends every process the lab started (SIGTERM, then SIGKILL after a bounded wait), kills anything left
    /// in its namespaces, deletes them, removes the run's files (unless kept) and its registry record.
    /// Runs to the end even when the calling task is cancelled. Calling it again does nothing.
    public func teardown() async {
        guard !isTornDown else { return }
        isTornDown = true
        // A detached task: cancellation of the caller (a failed or timed-out test) must not cut cleanup short.
        await Task.detached { await self.tearDownEverything() }.value
    }

    private func tearDownEverything() async {
        logger.info("lab: tearing down")
        for process in startedProcesses.reversed() where process.isRunning {
            thawTree(of: process)
            await process.stop(signal: process.stopSignal, grace: LabCleanup.grace)
        }
        await LabCleanup.deleteNamespaces(topology.namespaceNames, logger: logger)
        if options.keepsFiles {
            logger.notice("lab: keeping \(paths.root)")
        } else {
            LabCleanup.removeRoot(paths.root, logger: logger)
        }
        registry.remove(runID: topology.runID)
        LiveLabs.remove(runID: topology.runID)
        lock.release()
    }

    // MARK: Processes and commands

    /// The namespace's name for this run, e.g. `pgl-1a2b3c4d-a`.
    public nonisolated func namespaceName(_ namespace: LabNamespace) -> String {
        topology.namespaceName(namespace)
    }

    /// `arguments` prefixed so that they run in `namespace` as `user`.
    nonisolated func command(in namespace: LabNamespace, as user: LabUser, _ arguments: [String]) -> [String] {
        ["ip", "netns", "exec", namespaceName(namespace)] + user.commandPrefix + arguments
    }

    /// Runs a short command inside a lab namespace and returns its output; a non-zero exit is a result.
    public func run(
        in namespace: LabNamespace,
        as user: LabUser = .root,
        _ arguments: [String],
        timeout: Duration = .seconds(60)
    ) async throws -> CommandOutput {
        try requireLive()
        return try await CommandRunner.run(command(in: namespace, as: user, arguments), timeout: timeout)
    }

    /// Starts a long-running process inside a lab namespace, logging to the node's (or the lab's) log
    /// directory. The lab records its PID and ends it at teardown with `stopSignal` (SIGKILL after a bounded
    /// wait); with a `node`, node faults reach it.
    public func spawn(
        _ name: String,
        in namespace: LabNamespace,
        node: LabNode? = nil,
        as user: LabUser = .root,
        stopSignal: Int32 = SIGTERM,
        _ arguments: [String]
    ) async throws -> LabProcess {
        try requireLive()
        let logPath = node.map { paths.node($0).log(name) } ?? "\(paths.logDirectory)/\(name).log"
        let process = try await LabProcess.start(
            name: node.map { "\($0.name).\(name)" } ?? name,
            node: node,
            arguments: command(in: namespace, as: user, arguments),
            logPath: logPath,
            workingDirectory: paths.root,
            stopSignal: stopSignal
        )
        startedProcesses.append(process)
        record.processes.append(.init(name: process.name, pid: process.pid, startTime: process.startTime))
        try registry.write(record)
        logger.debug("lab: started \(process)")
        return process
    }

    /// The processes started for `node` that still run.
    public func runningProcesses(of node: LabNode) -> [LabProcess] {
        startedProcesses.filter { $0.node == node && $0.isRunning }
    }

    /// Every PID the lab has started (running or not), as recorded in the registry.
    public var recordedProcesses: [LabRunRecord.Process] {
        record.processes
    }

    /// The run as the registry records it: owner, namespaces, root and every process started.
    public var runRecord: LabRunRecord {
        record
    }

    func requireLive() throws(LabError) {
        guard !isTornDown else { throw LabError(.invalidState, "the lab \(topology.runID) has been torn down") }
    }

    // MARK: Files

    private func createDirectories() throws {
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: paths.root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for directory in [paths.logDirectory, "\(paths.root)/serial"] {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        for node in LabNode.allCases {
            let nodePaths = paths.node(node)
            for directory in [
                nodePaths.directory, nodePaths.configDirectory, nodePaths.logDirectory,
                "\(nodePaths.directory)/lock", "\(nodePaths.directory)/run",
            ] {
                try manager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            }
            try manager.createDirectory(
                atPath: nodePaths.stateDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            try createPostgresDirectory(nodePaths.pgdata, mode: 0o700)
            try createPostgresDirectory(nodePaths.snapshotDirectory, mode: 0o700)
            // Clients of any user reach the socket through this directory.
            try createPostgresDirectory(nodePaths.postgresSocketDirectory, mode: 0o755)
        }
    }

    /// A directory owned by the postgres user.
    private func createPostgresDirectory(_ path: String, mode: Int) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true,
            attributes: [
                .posixPermissions: mode, .ownerAccountName: "postgres", .groupOwnerAccountName: "postgres",
            ])
    }
}
