import Foundation
import PairSync
import PairTestSupport
import Testing

/// `pgpair sync`: which side syncs, the lock and exit 75, a real round and the agent-less publish step, and a
/// round killed in the middle (DESIGN's command-line contract and "Sync").
@Suite("pgpair sync", .serialized)
struct SyncCommandTests {
    typealias Group = (String, String?, String)

    /// castor's files: a configuration directory whose ha.cf adds `lines`, with state_dir, the lock file, the
    /// log file and the control socket inside it.
    private static func node(_ lines: String, pgdata: String = "/var/lib/postgresql/15/main") throws
        -> ConfigDirectory
    {
        let directory = try ConfigDirectory()
        try directory.write(
            "ha.cf",
            """
            node castor
            node pollux
            ucast lo 198.18.0.2
            pgdata \(pgdata)
            state_dir \(directory.path)/state
            control_socket \(directory.path)/pgpair.sock
            sync_lockfile \(directory.path)/sync.lock
            logfacility none
            logfile \(directory.path)/pgpair.log
            \(lines)
            """)
        return directory
    }

    private static func rsyncLines(snapshots: String, target: String = "rsync://pgpair@192.0.2.2/pgpair-staging")
        -> String
    {
        "sync_method rsync\nrsync_target \(target)\nsnapshot_dir \(snapshots)"
    }

    private static func sync(_ directory: ConfigDirectory, _ more: [String] = [], node: String = "castor")
        async throws -> PgpairProcess.Outcome
    {
        try await PgpairProcess.run(["sync", "--config-dir", directory.path, "--node", node] + more)
    }

    private static func log(_ directory: ConfigDirectory) -> String {
        (try? String(contentsOfFile: directory.file("pgpair.log"), encoding: .utf8)) ?? ""
    }

    /// The names under `path` with their modification times, to show that nothing changed.
    private static func listing(_ path: String) -> [String: Date] {
        var entries: [String: Date] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: "\(path)/\(name)")
            entries[name] = attributes?[.modificationDate] as? Date ?? .distantPast
        }
        return entries
    }

    @Test(
        "the side that must not sync exits 0 with one line and touches nothing",
        arguments: [
            // The agent says the peer runs PostgreSQL: with rsync the active pushes, so castor does nothing.
            [("10.0.0.100", "pollux", "running")] as [Group],
            // No agent answers, and 10.0.0.100 is not on this host: castor is not the active.
            [],
        ])
    func standbySkips(groups: [Group]) async throws {
        let snapshots = try Scratch("pgpair-synccmd-snapshots").path
        defer { try? FileManager.default.removeItem(atPath: snapshots) }
        try FileManager.default.createDirectory(atPath: "\(snapshots)/snapshot-x", withIntermediateDirectories: true)
        try "kept".write(toFile: "\(snapshots)/snapshot-x/file", atomically: false, encoding: .utf8)
        let before = Self.listing(snapshots)
        let directory = try Self.node(Self.rsyncLines(snapshots: snapshots))
        let agent =
            groups.isEmpty
            ? nil
            : try FakeAgent(
                path: directory.file("pgpair.sock"),
                statuses: [FakeAgent.status(role: "standby", peerRole: "active", groups: groups)])
        defer { agent?.stop() }

        let outcome = try await Self.sync(directory)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("pgpair sync: skipped: this node does not run PostgreSQL"))
        #expect(outcome.standardOutput.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.file("sync.lock")))
        #expect(!FileManager.default.fileExists(atPath: directory.file("state/\(SyncRecord.stateFileName)")))
        #expect(Self.listing(snapshots) == before)

        let quiet = try await Self.sync(directory, ["--quiet"])
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty, "\(quiet)")
    }

    @Test("a second round while one holds the lock logs `sync already active` and exits 75, touching nothing")
    func busy() async throws {
        let snapshots = try Scratch("pgpair-synccmd-snapshots").path
        defer { try? FileManager.default.removeItem(atPath: snapshots) }
        let directory = try Self.node(Self.rsyncLines(snapshots: snapshots))
        let agent = try FakeAgent(
            path: directory.file("pgpair.sock"),
            statuses: [FakeAgent.status(groups: [("10.0.0.100", "castor", "running")])])
        defer { agent.stop() }
        let lock = try SyncLock(path: directory.file("sync.lock"))

        let outcome = try await Self.sync(directory)
        #expect(outcome.status == 75, "\(outcome)")
        #expect(outcome.errorLines == ["pgpair sync: sync already active"])
        #expect(Self.log(directory).contains("sync already active"))
        #expect(!Self.log(directory).contains("syncing database with"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("state/\(SyncRecord.stateFileName)")))
        let quiet = try await Self.sync(directory, ["--quiet"])
        #expect(quiet.status == 75, "\(quiet)")
        #expect(quiet.standardError.isEmpty, "\(quiet)")
        lock.release()
    }

    /// The pgsql group's service address; the round test puts it on `lo` of the test's own network namespace.
    static let serviceAddress = "198.18.7.50"

    /// A real pair on one machine: castor's cluster, and pollux's snapshot directory behind a loopback rsync
    /// daemon.
    private static func withPair(
        haresources: String = "castor \(serviceAddress)/32/lo pgsql\n",
        _ body: (ConfigDirectory, TestCluster, LoopbackRsyncDaemon, SnapshotStore) async throws -> Void
    ) async throws {
        let snapshots = try Scratch("pgpair-synccmd-snapshots").path
        let cluster = try await TestCluster.start(port: .random(in: 30_000...39_999))
        let daemon: LoopbackRsyncDaemon
        do {
            daemon = try await LoopbackRsyncDaemon.start(serving: snapshots)
        } catch {
            await cluster.stop()
            throw error
        }
        defer {
            daemon.stop()
            try? FileManager.default.removeItem(atPath: snapshots)
        }
        do {
            let directory = try Self.node(
                """
                pg_bindir \(TestCluster.binDirectory)
                pg_port \(cluster.port)
                pg_conninfo \(cluster.conninfo)
                rsync_password_file \(daemon.passwordFile)
                \(Self.rsyncLines(snapshots: snapshots, target: daemon.module))
                """, pgdata: cluster.pgdata)
            try directory.write("haresources", haresources)
            try await body(directory, cluster, daemon, SnapshotStore(directory: snapshots, owner: "postgres"))
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    /// One round by castor, published on pollux.
    private static func roundAndPublish(_ directory: ConfigDirectory) async throws {
        let round = try await Self.sync(directory)
        try #require(round.status == 0, "\(round)\n\(Self.log(directory))")
        let publish = try await Self.sync(directory, ["--publish"], node: "pollux")
        try #require(publish.status == 0, "\(publish)")
    }

    @Test("a round by the node that holds the service address is recorded; `sync --publish` publishes it")
    func roundAndPublish() async throws {
        try requireIsolatedNetwork()
        let add = try await run("/usr/sbin/ip", ["addr", "add", "\(Self.serviceAddress)/32", "dev", "lo"])
        try #require(add.status == 0, "\(add.output)")
        defer {
            _ = Process.launchedIgnoringErrors(
                "/usr/sbin/ip", ["addr", "del", "\(Self.serviceAddress)/32", "dev", "lo"])
        }
        // No agent answers: castor holds the pgsql group's address, so it is the active and pushes.
        try await Self.withPair { directory, cluster, _, store in
            try cluster.query("CREATE TABLE kept AS SELECT generate_series(1, 1000) AS n")
            let outcome = try await Self.sync(directory)
            #expect(outcome.status == 0, "\(outcome)\n\(Self.log(directory))")
            #expect(outcome.standardOutput.contains("with pollux succeeded"), "\(outcome)")
            let text = try String(contentsOfFile: directory.file("state/\(SyncRecord.stateFileName)"), encoding: .utf8)
            let record = try #require(SyncRecord.decode(text))
            #expect(record.outcome == .succeeded)
            #expect(record.bytes > 0)
            #expect(Self.log(directory).contains("syncing database with pollux"))
            #expect(try store.snapshots().isEmpty, "only the standby's publish step publishes")

            // rsyncd's post-xfer exec on pollux (no agent there).
            let publish = try await Self.sync(directory, ["--publish"], node: "pollux")
            #expect(publish.status == 0, "\(publish)")
            let newest = try #require(try store.newest())
            #expect(newest.marker.round == record.round)
            #expect(publish.standardOutput == "pgpair sync: published \(newest.name)\n")
            #expect(!FileManager.default.fileExists(atPath: store.stagingPath))
            // Nothing more to publish: a second call changes nothing.
            let again = try await Self.sync(directory, ["--publish"], node: "pollux")
            #expect(again.status == 0 && again.standardOutput.isEmpty, "\(again)")
            #expect(try store.snapshots().map(\.name) == [newest.name])
        }
    }

    @Test("killing `pgpair sync` in the middle of a round leaves the published snapshot as it was and no rsync")
    func killedRound() async throws {
        try await Self.withPair { directory, cluster, daemon, store in
            // The agent says castor runs PostgreSQL.
            let agent = try FakeAgent(
                path: directory.file("pgpair.sock"),
                statuses: [FakeAgent.status(groups: [(Self.serviceAddress, "castor", "running")])])
            defer { agent.stop() }
            try await Self.roundAndPublish(directory)
            let published = try #require(try store.newest())
            let sums = try await checksums(of: published.path)
            #expect(!sums.isEmpty)
            // About 8 MB of new relation files: at 100 KiB/s the transfer takes over a minute.
            try cluster.query(
                "CREATE TABLE bulk AS SELECT n, md5(n::text) || md5((n + 1)::text) AS t FROM generate_series(1, 80000) n"
            )
            try cluster.query("CHECKPOINT")

            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(PgpairProcess.executablePath))
            process.arguments = ["sync", "--bwlimit=100", "--config-dir", directory.path, "--node", "castor"]
            var environment = ProcessInfo.processInfo.environment
            environment["PGPAIR_CONFIG_DIR"] = nil
            environment["PGPAIR_NODE"] = nil
            process.environment = environment
            try process.run()
            var transfer: [Int32] = []
            for _ in 0..<600 where transfer.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                transfer = rsyncProcesses(mentioning: "--link-dest=../latest/").map(\.pid)
            }
            try #require(!transfer.isEmpty, "the round's data transfer never started: \(Self.log(directory))")
            try await Task.sleep(for: .seconds(1))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            var left = rsyncProcesses(mentioning: daemon.module).map(\.pid)
            for _ in 0..<100 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                left = rsyncProcesses(mentioning: daemon.module).map(\.pid)
            }
            #expect(left.isEmpty, "rsync still running: \(left)")
            // Whatever the daemon's side wrote went into staging, never into the snapshot.
            try await Task.sleep(for: .milliseconds(500))
            #expect(try store.snapshots().map(\.name) == [published.name])
            #expect(try await checksums(of: published.path) == sums)
            #expect(
                !FileManager.default.fileExists(atPath: "\(store.stagingPath)/\(SnapshotMarker.fileName)"),
                "a cut-short staging copy must not look complete")
            let publish = try await Self.sync(directory, ["--publish"], node: "pollux")
            #expect(publish.status == 0 && publish.standardOutput.isEmpty, "\(publish)")

            // The next round completes beside the intact snapshot.
            try await Self.roundAndPublish(directory)
            #expect(try store.snapshots().count == 2)
            #expect(try await checksums(of: published.path) == sums)
        }
    }

    @Test("an agent on the standby publishes a complete staging copy, and `status --json` shows its sync object")
    func agentPublishes() async throws {
        // pollux's pgsql resource points at a directory that does not exist, so that its agent never finds
        // castor's cluster (on this same machine) running as a stray group of its own.
        try await Self.withPair(haresources: "castor \(Self.serviceAddress)/32/lo pgsql::/nonexistent/pgdata\n") {
            directory, _, _, store in
            let castor = try FakeAgent(
                path: directory.file("pgpair.sock"),
                statuses: [FakeAgent.status(groups: [(Self.serviceAddress, "castor", "running")])])
            let round = try await Self.sync(directory)
            castor.stop()
            try #require(round.status == 0, "\(round)\n\(Self.log(directory))")
            #expect(try store.snapshots().isEmpty)

            let agent = Process()
            agent.executableURL = URL(fileURLWithPath: try #require(PgpairProcess.executablePath))
            agent.arguments = ["agent", "--config-dir", directory.path, "--node", "pollux"]
            agent.standardOutput = FileHandle.nullDevice
            agent.standardError = FileHandle.nullDevice
            try agent.run()
            defer {
                kill(agent.processIdentifier, SIGTERM)
                agent.waitUntilExit()
            }
            var sync: [String: Any] = [:]
            for _ in 0..<100 {
                let status = try await PgpairProcess.run(
                    ["status", "--json", "--config-dir", directory.path, "--node", "pollux"])
                if status.status == 0,
                    let object = try JSONSerialization.jsonObject(with: Data(status.standardOutput.utf8))
                        as? [String: Any],
                    let found = object["sync"] as? [String: Any]
                {
                    sync = found
                    // The disk figures are measured right after the publish: wait for both.
                    if !(found["age_s"] is NSNull) && !(found["disk_used_bytes"] is NSNull) { break }
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            let published = try #require(try store.newest(), "the agent did not publish: \(Self.log(directory))")
            #expect(!FileManager.default.fileExists(atPath: store.stagingPath))
            #expect(sync["method"] as? String == "rsync")
            #expect(sync["state"] as? String == "idle")
            let age = try #require(sync["age_s"] as? Int, "\(sync)")
            #expect(age >= 0 && Double(age) <= Date().timeIntervalSince(published.dataAsOf) + 1)
            #expect(sync["last_success"] is String)
            #expect((sync["disk_used_bytes"] as? Int ?? 0) > 0)
            #expect((sync["disk_free_bytes"] as? Int ?? 0) > 0)
            #expect(Self.log(directory).contains("snapshot published"))
        }
    }

    @Test("pg_dumpall: the standby pulls a round and publishes it; the active skips")
    func dumpallRound() async throws {
        let cluster = try await TestCluster.start(port: .random(in: 30_000...39_999))
        let snapshots = try Scratch("pgpair-dump", ownedByPostgres: true).path
        defer { try? FileManager.default.removeItem(atPath: snapshots) }
        do {
            try cluster.query("CREATE TABLE pulled AS SELECT generate_series(1, 100) AS n")
            let directory = try Self.node(
                """
                pg_bindir \(TestCluster.binDirectory)
                sync_method pg_dumpall
                dumpall_source \(cluster.conninfo)
                snapshot_dir \(snapshots)
                """)
            let store = SnapshotStore(directory: snapshots, owner: "postgres")
            // castor is the standby: pollux runs PostgreSQL, so castor pulls.
            let standby = try FakeAgent(
                path: directory.file("pgpair.sock"),
                statuses: [
                    FakeAgent.status(role: "standby", peerRole: "active", groups: [("10.0.0.100", "pollux", "running")])
                ])
            let outcome = try await Self.sync(directory)
            standby.stop()
            #expect(outcome.status == 0, "\(outcome)\n\(Self.log(directory))")
            let text = try String(contentsOfFile: directory.file("state/\(SyncRecord.stateFileName)"), encoding: .utf8)
            #expect(SyncRecord.decode(text)?.method == "pg_dumpall")
            let newest = try #require(try store.newest())
            #expect(newest.marker.isDumpall)

            // The active never pulls.
            let active = try FakeAgent(
                path: directory.file("pgpair.sock"),
                statuses: [FakeAgent.status(groups: [("10.0.0.100", "castor", "running")])])
            let skipped = try await Self.sync(directory)
            active.stop()
            #expect(skipped.status == 0, "\(skipped)")
            #expect(
                skipped.standardOutput
                    == "pgpair sync: skipped: this node runs PostgreSQL; with pg_dumpall the standby pulls\n")
            #expect(try store.snapshots().map(\.name) == [newest.name])
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }
}

extension Process {
    /// Runs a program to its end, for clean-up where a failure changes nothing.
    @discardableResult
    static func launchedIgnoringErrors(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
