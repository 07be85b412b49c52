import Foundation
import PairPostgres
import PairSync
import PairTestSupport
import Testing

/// pg_dumpall rounds from a real PostgreSQL cluster into a local snapshot directory, restored into real staging
/// clusters.
@Suite("DumpallRound", .serialized)
struct DumpallRoundTests {
    static let password = "dumpall-test-password"

    /// A round from `cluster` into `snapshots`.
    static func round(
        _ cluster: TestCluster, into snapshots: Scratch, passfile: String?, log: CapturedLog
    ) -> DumpallRound {
        DumpallRound(
            settings: DumpallRoundSettings(
                source: cluster.conninfo, passfile: passfile, snapshotDirectory: snapshots.path, keep: 5,
                binDirectory: TestCluster.binDirectory, node: "castor", epoch: 7),
            logger: log.logger)
    }

    static func store(_ snapshots: Scratch) -> SnapshotStore {
        SnapshotStore(directory: snapshots.path, owner: "postgres")
    }

    /// Two databases, a login role owning one of them, rows in both; then the source asks for a password on its
    /// socket (SCRAM), which the round finds only in the returned pass file (owned by postgres, mode 0600).
    static func populate(_ cluster: TestCluster) throws -> String {
        try cluster.query("CREATE ROLE app LOGIN PASSWORD 'app-secret'")
        try cluster.query("CREATE DATABASE shop OWNER app")
        try cluster.query("CREATE DATABASE audit")
        let shop = try PostgresConnection(conninfo: "\(cluster.conninfo) dbname=shop")
        defer { shop.close() }
        try shop.query("CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL)")
        try shop.query("INSERT INTO orders SELECT g, md5(g::text) FROM generate_series(1, 5000) g")
        try shop.query("ALTER TABLE orders OWNER TO app")
        let audit = try PostgresConnection(conninfo: "\(cluster.conninfo) dbname=audit")
        defer { audit.close() }
        try audit.query("CREATE TABLE events (id int, what text)")
        try audit.query("INSERT INTO events SELECT g, 'event ' || g FROM generate_series(1, 300) g")

        try cluster.query("ALTER ROLE postgres PASSWORD '\(password)'")
        try "local all all scram-sha-256\n".write(
            toFile: "\(cluster.pgdata)/pg_hba.conf", atomically: false, encoding: .utf8)
        try cluster.query("SELECT pg_reload_conf()")
        let passfile = "\(cluster.scratch.path)/pgpass"
        try "*:*:*:postgres:\(password)\n".write(toFile: passfile, atomically: false, encoding: .utf8)
        let postgres = try #require(getpwnam("postgres")?.pointee)
        chown(passfile, postgres.pw_uid, postgres.pw_gid)
        chmod(passfile, 0o600)
        return passfile
    }

    /// Runs `sql` with psql as postgres in `database` of a cluster started from a snapshot (its pg_hba.conf is the
    /// staging cluster's: peer on the socket); returns the rows, `|`-separated.
    static func psql(_ cluster: TestCluster, _ database: String, _ sql: String) async throws -> String {
        let result = try await run(
            "\(TestCluster.binDirectory)/psql",
            [
                "-X", "-A", "-t", "-h", cluster.socketDirectory, "-p", "\(cluster.port)", "-U", "postgres", "-d",
                database, "-c", sql,
            ], asPostgres: true)
        #expect(result.status == 0, "psql: \(result.output)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The round directories and the staging servers a round left behind in `snapshots`.
    static func leftovers(_ snapshots: Scratch) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: snapshots.path)) ?? []
        return names.filter { $0.hasPrefix("dumpall-staging-") }
            + dumpallProcesses(named: "postgres", mentioning: snapshots.path).map { "postgres \($0.pid)" }
    }

    /// A good round published into `snapshots`, with its checksums.
    static func publishOne(
        _ cluster: TestCluster, into snapshots: Scratch, passfile: String
    ) async throws -> (Snapshot, [String: String]) {
        let record = await round(cluster, into: snapshots, passfile: passfile, log: CapturedLog()).run()
        try #require(record.outcome == .succeeded, "\(record.message ?? "")")
        let snapshot = try #require(try store(snapshots).newest())
        return (snapshot, try await checksums(of: snapshot.path))
    }

    @Test("a good round restores every database and role; a cluster started from the snapshot has them all")
    func goodRound() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-dumpalltest-snapshots", ownedByPostgres: true)
            defer { snapshots.remove() }
            let passfile = try Self.populate(cluster)

            let withoutPassword = await Self.round(cluster, into: snapshots, passfile: nil, log: CapturedLog())
                .run()
            #expect(withoutPassword.outcome == .failed && withoutPassword.errorCode == "postgres_failed")
            #expect(try Self.store(snapshots).snapshots().isEmpty)

            let log = CapturedLog()
            let record = await Self.round(cluster, into: snapshots, passfile: passfile, log: log).run()
            #expect(record.outcome == .succeeded, "\(record.message ?? "") \(log.messages)")
            #expect(record.method == "pg_dumpall" && record.bytes > 100_000)
            let start = try #require(record.startPosition)
            let stop = try #require(record.stopPosition)
            #expect(start <= stop)
            #expect(Self.leftovers(snapshots).isEmpty, "\(Self.leftovers(snapshots))")

            let snapshot = try #require(try Self.store(snapshots).newest())
            #expect(snapshot.marker.isDumpall && snapshot.marker.node == "castor" && snapshot.marker.epoch == 7)
            #expect(snapshot.marker.startPosition == start && snapshot.marker.round == record.round)
            let latest = try FileManager.default.destinationOfSymbolicLink(atPath: "\(snapshots.path)/latest")
            #expect(latest == snapshot.name)
            #expect(!FileManager.default.fileExists(atPath: "\(snapshot.path)/postmaster.pid"))
            let autoConf = try String(contentsOfFile: "\(snapshot.path)/postgresql.auto.conf", encoding: .utf8)
            #expect(!autoConf.contains("listen_addresses"), "the staging settings stay out of the snapshot")
            var status = stat()
            #expect(stat(snapshot.path, &status) == 0 && status.st_uid == getpwnam("postgres")!.pointee.pw_uid)
            #expect(status.st_mode & 0o777 == 0o700)

            let restored = try await TestCluster.startCopy(of: snapshot.path, port: 5433)
            defer { Task { await restored.stop() } }
            let databases = try await Self.psql(
                restored, "postgres", "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database")
            #expect(databases == "audit,postgres,shop,template0,template1")
            let role = try await Self.psql(
                restored, "postgres",
                "SELECT rolcanlogin, rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'app'")
            #expect(role == "t|t")
            let owner = try await Self.psql(
                restored, "postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop'")
            #expect(owner == "app")
            let orders = try await Self.psql(
                restored, "shop",
                "SELECT count(*), sum(id), pg_get_userbyid(relowner) FROM orders, pg_class WHERE relname = 'orders' "
                    + "GROUP BY relowner")
            #expect(orders == "5000|12502500|app")
            let events = try await Self.psql(restored, "audit", "SELECT count(*), max(what) FROM events")
            #expect(events == "300|event 99")
            await restored.stop()
        }
    }

    @Test("a dump killed mid-way is never restored; the published snapshots stay as they were")
    func killedDump() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-dumpalltest-snapshots", ownedByPostgres: true)
            defer { snapshots.remove() }
            let passfile = try Self.populate(cluster)
            let (before, sums) = try await Self.publishOne(cluster, into: snapshots, passfile: passfile)

            // A session holding an exclusive lock on a table makes pg_dump wait for it, mid-way through the dump.
            let holder = try PostgresConnection(conninfo: "\(cluster.conninfo) dbname=shop passfile=\(passfile)")
            try holder.query("BEGIN")
            try holder.query("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")
            let log = CapturedLog()
            let round = Task { await Self.round(cluster, into: snapshots, passfile: passfile, log: log).run() }
            let watcher = try PostgresConnection(conninfo: "\(cluster.conninfo) passfile=\(passfile)")
            defer { watcher.close() }
            var waiting = false
            for _ in 0..<1000 where !waiting {
                try await Task.sleep(for: .milliseconds(20))
                waiting = try watcher.query("SELECT count(*) FROM pg_locks WHERE NOT granted").scalar != "0"
            }
            #expect(waiting, "pg_dump waits for the locked table")
            let dumpalls = dumpallProcesses(named: "pg_dumpall", mentioning: cluster.socketDirectory)
            #expect(dumpalls.count == 1)
            for process in dumpalls { kill(process.pid, SIGKILL) }
            let record = await round.value
            holder.close()

            #expect(record.outcome == .failed && record.errorCode == "transfer_failed", "\(record)")
            #expect(record.message?.contains("pg_dumpall") == true, "\(record.message ?? "")")
            #expect(!log.messages.contains("dump complete"), "\(log.messages)")
            #expect(try Self.store(snapshots).snapshots() == [before])
            #expect(try await checksums(of: before.path) == sums)
            #expect(Self.leftovers(snapshots).isEmpty, "\(Self.leftovers(snapshots))")
            #expect(dumpallProcesses(named: "pg_dump", mentioning: cluster.socketDirectory).isEmpty)
        }
    }

    @Test("a restore with an error beyond the benign one keeps the previous snapshot")
    func failingRestore() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-dumpalltest-snapshots", ownedByPostgres: true)
            defer { snapshots.remove() }
            let tablespace = try Scratch("pgpair-dumpalltest-ts", ownedByPostgres: true)
            defer { tablespace.remove() }
            let passfile = try Self.populate(cluster)
            let (before, sums) = try await Self.publishOne(cluster, into: snapshots, passfile: passfile)

            // The dump recreates the tablespace at the same location, which the source's cluster already uses:
            // the restore cannot create it, nor the table in it.
            let source = try PostgresConnection(conninfo: "\(cluster.conninfo) passfile=\(passfile)")
            try source.query("CREATE TABLESPACE extra LOCATION '\(tablespace.path)'")
            try source.query("CREATE TABLE kept_elsewhere (id int) TABLESPACE extra")
            source.close()
            let log = CapturedLog()
            let record = await Self.round(cluster, into: snapshots, passfile: passfile, log: log).run()

            #expect(record.outcome == .failed && record.errorCode == "invalid_snapshot", "\(record)")
            #expect(record.message?.contains("already in use as a tablespace") == true, "\(record.message ?? "")")
            #expect(log.messages.contains("dump complete"), "the dump itself was good: \(log.messages)")
            #expect(try Self.store(snapshots).snapshots() == [before])
            #expect(try await checksums(of: before.path) == sums)
            #expect(Self.leftovers(snapshots).isEmpty, "\(Self.leftovers(snapshots))")
            let dropped = try PostgresConnection(conninfo: "\(cluster.conninfo) passfile=\(passfile)")
            try dropped.query("DROP TABLE kept_elsewhere")
            try dropped.query("DROP TABLESPACE extra")
            dropped.close()
        }
    }

    @Test("a round cancelled while its staging cluster runs stops and removes it; the published snapshots stay")
    func cancelledWhileRestoring() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-dumpalltest-snapshots", ownedByPostgres: true)
            defer { snapshots.remove() }
            let passfile = try Self.populate(cluster)
            let (before, sums) = try await Self.publishOne(cluster, into: snapshots, passfile: passfile)

            let round = Task {
                await Self.round(cluster, into: snapshots, passfile: passfile, log: CapturedLog()).run()
            }
            var staged = false
            for _ in 0..<6000 where !staged {
                try await Task.sleep(for: .milliseconds(5))
                staged = !dumpallProcesses(named: "postgres", mentioning: snapshots.path).isEmpty
            }
            #expect(staged, "the staging cluster started")
            round.cancel()
            let record = await round.value

            #expect(record.outcome == .failed && record.errorCode == "cancelled", "\(record)")
            #expect(try Self.store(snapshots).snapshots() == [before])
            #expect(try await checksums(of: before.path) == sums)
            #expect(Self.leftovers(snapshots).isEmpty, "\(Self.leftovers(snapshots))")
        }
    }

    @Test("a staging cluster a killed round left running is stopped and removed by the next round")
    func leftoverFromKilledRound() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-dumpalltest-snapshots", ownedByPostgres: true)
            defer { snapshots.remove() }
            let passfile = try Self.populate(cluster)
            // What a round killed during its restore leaves: its directory, with its staging cluster running.
            let leftover = "\(snapshots.path)/dumpall-staging-Killed"
            #expect(mkdir(leftover, 0o700) == 0)
            let postgres = try #require(getpwnam("postgres")?.pointee)
            chown(leftover, postgres.pw_uid, postgres.pw_gid)
            let initdb = try await run(
                "\(TestCluster.binDirectory)/initdb", ["--pgdata=\(leftover)/data", "--no-instructions", "--no-sync"],
                asPostgres: true)
            try #require(initdb.status == 0, "initdb: \(initdb.output)")
            let start = try await run(
                "\(TestCluster.binDirectory)/pg_ctl",
                [
                    "start", "-D", "\(leftover)/data", "-l", "\(leftover)/server.log", "-w", "-o",
                    "-c listen_addresses= -c unix_socket_directories=\(leftover)",
                ], asPostgres: true)
            try #require(start.status == 0, "pg_ctl start: \(start.output)")
            try #require(!dumpallProcesses(named: "postgres", mentioning: leftover).isEmpty)
            // And one whose server died without removing its postmaster.pid.
            let stale = "\(snapshots.path)/dumpall-staging-Crashed"
            let copy = try await run("/usr/bin/cp", ["-a", leftover, stale])
            try #require(copy.status == 0, "cp: \(copy.output)")
            let pidFile = "\(stale)/data/postmaster.pid"
            let lines = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: "\n", maxSplits: 1)
            try ("4194000\n" + lines[1]).write(toFile: pidFile, atomically: false, encoding: .utf8)

            let log = CapturedLog()
            let record = await Self.round(cluster, into: snapshots, passfile: passfile, log: log).run()
            #expect(record.outcome == .succeeded, "\(record.message ?? "")")
            #expect(!FileManager.default.fileExists(atPath: leftover))
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(dumpallProcesses(named: "postgres", mentioning: leftover).isEmpty)
            #expect(Self.leftovers(snapshots).isEmpty, "\(Self.leftovers(snapshots))")
            #expect(try Self.store(snapshots).snapshots().count == 1)
            if FileManager.default.fileExists(atPath: "\(leftover)/data/postmaster.pid") {
                _ = try? await run(
                    "\(TestCluster.binDirectory)/pg_ctl", ["stop", "-D", "\(leftover)/data", "-m", "immediate"],
                    asPostgres: true)
            }
        }
    }

    @Test("a snapshot_dir pg_user cannot enter is refused before anything runs")
    func unsearchableSnapshotDirectory() async throws {
        let snapshots = try Scratch("pgpair-dumpalltest-closed")
        defer { snapshots.remove() }
        let record = await DumpallRound(
            settings: DumpallRoundSettings(
                source: "host=/nonexistent", snapshotDirectory: snapshots.path, binDirectory: TestCluster.binDirectory,
                node: "castor"),
            logger: CapturedLog().logger
        ).run()
        #expect(record.outcome == .failed && record.errorCode == "not_configured", "\(record)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: snapshots.path).isEmpty)
    }
}
