import Foundation
import Logging
import PairPostgres
import PairSync
import PairTestSupport
import Synchronization
import Testing

/// Rounds against a real PostgreSQL and a real rsync into a local snapshot directory.
@Suite("RsyncRound", .serialized)
struct RsyncRoundTests {
    /// A round from `cluster` into `snapshots`, with `extraRsyncOptions`.
    static func round(
        _ cluster: TestCluster, into snapshots: Scratch, extraRsyncOptions: [String] = []
    ) -> RsyncRound {
        RsyncRound(
            settings: RsyncRoundSettings(
                dataDirectory: cluster.pgdata, destination: snapshots.path, conninfo: cluster.conninfo,
                extraRsyncOptions: extraRsyncOptions, node: "castor", epoch: 7),
            logger: Logger(label: "test"))
    }

    static func store(_ snapshots: Scratch) -> SnapshotStore {
        SnapshotStore(directory: snapshots.path, owner: "postgres")
    }

    @Test("with a writer committing rows throughout, the published snapshot starts, is consistent and amcheck-clean")
    func writesThroughout() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            try cluster.query("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL)")
            try cluster.query("CREATE INDEX t_v ON t (v)")
            try cluster.query("INSERT INTO t (v) SELECT md5(g::text) FROM generate_series(1, 20000) g")
            let writer = try RowWriter(conninfo: cluster.conninfo)
            writer.start()
            while writer.committed < 20_100 { try await Task.sleep(for: .milliseconds(20)) }

            let committedBefore = writer.committed
            let record = await Self.round(cluster, into: snapshots).run()
            try await Task.sleep(for: .milliseconds(200))
            let committedAfter = writer.stop()
            #expect(record.outcome == .succeeded, "\(record.message ?? "")")
            #expect(record.bytes > 0 && record.transferredFileBytes > 0)
            #expect(committedAfter > committedBefore, "the writer kept writing during the round")

            let snapshot = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            #expect(snapshot.marker.node == "castor" && snapshot.marker.epoch == 7)
            #expect(try Self.store(snapshots).newest() == snapshot)
            let restored = try await TestCluster.startCopy(of: snapshot.path, port: 5433)
            defer { Task { await restored.stop() } }
            let count = try restored.query("SELECT count(*) FROM t WHERE id <= $1", ["\(committedBefore)"]).scalar
            #expect(count == "\(committedBefore)", "rows committed before the round began")
            #expect(restored.serverLog.contains("consistent recovery state reached"), "\(restored.serverLog)")
            let amcheck = try await run(
                "\(TestCluster.binDirectory)/pg_amcheck",
                [
                    "--all", "--heapallindexed", "--install-missing", "-h", restored.socketDirectory, "-p", "5433",
                    "-U", "postgres",
                ], asPostgres: true)
            #expect(amcheck.status == 0 && amcheck.output.isEmpty, "pg_amcheck: \(amcheck.output)")
            await restored.stop()
        }
    }
}

/// Inserts rows one committed transaction at a time on a thread of its own, counting the last committed id.
final class RowWriter: Sendable {
    private let connection: UncheckedConnection
    private let lastCommitted = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let finished = Mutex<Bool>(false)

    /// Statements run after each insert (e.g. a WAL switch and a checkpoint).
    private let afterEachInsert: [String]

    init(conninfo: String, afterEachInsert: [String] = []) throws {
        self.afterEachInsert = afterEachInsert
        connection = UncheckedConnection(try PostgresConnection(conninfo: conninfo))
        lastCommitted.store(
            Int(try connection.value.query("SELECT coalesce(max(id), 0) FROM t").scalar ?? "0") ?? 0,
            ordering: .sequentiallyConsistent)
    }

    /// The id of the last row whose INSERT has returned (committed).
    var committed: Int { lastCommitted.load(ordering: .sequentiallyConsistent) }

    func start() {
        let thread = Thread { [self] in
            while !stopping.load(ordering: .sequentiallyConsistent) {
                guard
                    let id = try? connection.value.query(
                        "INSERT INTO t (v) VALUES (md5(random()::text)) RETURNING id"
                    ).scalar.flatMap({ Int($0) })
                else { break }
                lastCommitted.store(id, ordering: .sequentiallyConsistent)
                for statement in afterEachInsert { _ = try? connection.value.query(statement) }
            }
            connection.value.close()
            finished.withLock { $0 = true }
        }
        thread.start()
    }

    /// Stops the writer and returns the last committed id.
    func stop() -> Int {
        stopping.store(true, ordering: .sequentiallyConsistent)
        while !finished.withLock({ $0 }) { usleep(10_000) }
        return committed
    }
}

private struct UncheckedConnection: @unchecked Sendable {
    let value: PostgresConnection
    init(_ value: PostgresConnection) { self.value = value }
}

extension RsyncRoundTests {
    @Test("a relation file rewritten within the same second as the previous copy, at the same size, is copied again")
    func sameSecond() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            try cluster.query("CREATE TABLE s (id int PRIMARY KEY, v text NOT NULL)")
            try cluster.query("INSERT INTO s SELECT g, 'original' FROM generate_series(1, 20) g")
            try cluster.query("VACUUM FREEZE s")
            try cluster.query("CHECKPOINT")
            let relation = try #require(try cluster.query("SELECT pg_relation_filepath('s')").scalar)
            let source = "\(cluster.pgdata)/\(relation)"

            #expect(await Self.round(cluster, into: snapshots).run().outcome == .succeeded)
            let first = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            let copied = try FileStatus("\(first.path)/\(relation)")

            try cluster.query("UPDATE s SET v = 'modified' WHERE id = 1")
            try cluster.query("CHECKPOINT")
            // The rewrite lands in the copy's second, at another nanosecond: only a nanosecond comparison sees it.
            FileStatus.setModificationTime(
                source, seconds: copied.seconds, nanoseconds: (copied.nanoseconds + 1) % 1_000_000_000)
            let rewritten = try FileStatus(source)
            #expect(rewritten.size == copied.size && rewritten.seconds == copied.seconds)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: source))
                    != Data(contentsOf: URL(fileURLWithPath: "\(first.path)/\(relation)")))

            #expect(await Self.round(cluster, into: snapshots).run().outcome == .succeeded)
            let second = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            #expect(try FileStatus(source) == rewritten, "PostgreSQL left the file alone during the round")
            let sourceBytes = try Data(contentsOf: URL(fileURLWithPath: source))
            #expect(try Data(contentsOf: URL(fileURLWithPath: "\(second.path)/\(relation)")) == sourceBytes)
            #expect(try FileStatus("\(second.path)/\(relation)").inode != copied.inode)
            #expect(try FileStatus("\(first.path)/\(relation)") == copied, "the earlier snapshot is untouched")
        }
    }

    @Test("killing rsync in the middle of a round leaves the published snapshot as it was and no rsync running")
    func killedTransfer() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            #expect(await Self.round(cluster, into: snapshots).run().outcome == .succeeded)
            let published = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            let before = try await checksums(of: published.path)
            try cluster.query(
                "CREATE TABLE big AS SELECT g, repeat(md5(g::text), 20) AS v FROM generate_series(1, 30000) g")

            let slow = Self.round(cluster, into: snapshots, extraRsyncOptions: ["--bwlimit=1000"])
            let running = Task { await slow.run() }
            let staging = "\(snapshots.path)/staging/"
            let pid = try #require(
                try await Self.dataTransfer(into: staging), "the round's data transfer was seen running")
            try await Task.sleep(for: .milliseconds(700))
            kill(pid, SIGKILL)
            let record = await running.value
            #expect(record.outcome == .failed && record.errorCode == "transfer_failed", "\(record)")

            // The round returns only once rsync's whole process group has ended.
            let left = rsyncProcesses(mentioning: staging)
            #expect(left.isEmpty, "rsync left running: \(left)")
            #expect(try Self.store(snapshots).publishStaging(keep: 2) == nil, "a cut-short copy is never published")
            #expect(try Self.store(snapshots).snapshots() == [published])
            #expect(try await checksums(of: published.path) == before)

            // The next round completes, and the earlier snapshot is still intact beside it.
            #expect(await Self.round(cluster, into: snapshots).run().outcome == .succeeded)
            let next = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            #expect(try Self.store(snapshots).snapshots() == [published, next])
            #expect(try await checksums(of: published.path) == before)
        }
    }

    /// The PID of this process's rsync copying a data directory into `staging` (`--link-dest`), waited for up to
    /// ten seconds; nil when none was seen.
    static func dataTransfer(into staging: String) async throws -> Int32? {
        for _ in 0..<1_000 {
            let found = rsyncProcesses(mentioning: staging).first {
                $0.parent == getpid() && commandLine($0.pid).contains("--link-dest=../latest/")
            }
            if let found { return found.pid }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    static func commandLine(_ pid: Int32) -> [String] {
        (FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") ?? Data()).split(separator: 0)
            .map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The parts of `stat` the same-second test compares.
struct FileStatus: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64

    init(_ path: String) throws {
        var status = stat()
        try #require(stat(path, &status) == 0, "stat \(path)")
        size = Int(status.st_size)
        seconds = Int(status.st_mtim.tv_sec)
        nanoseconds = Int(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
    }

    /// Sets the modification time, leaving the access time (`UTIME_OMIT`, which Glibc's module does not export).
    static func setModificationTime(_ path: String, seconds: Int, nanoseconds: Int) {
        let omit = (1 << 30) - 2
        var times = [timespec(tv_sec: 0, tv_nsec: omit), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0, "utimensat \(path)")
    }
}

extension RsyncRoundTests {
    @Test("through a loopback rsync daemon module with a password file: rounds publish, unchanged files are shared")
    func throughDaemon() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            let daemon = try await LoopbackRsyncDaemon.start(serving: snapshots.path)
            defer { daemon.stop() }
            let round = RsyncRound(
                settings: RsyncRoundSettings(
                    dataDirectory: cluster.pgdata, destination: daemon.module, conninfo: cluster.conninfo,
                    rsyncPasswordFile: daemon.passwordFile, node: "castor"),
                logger: Logger(label: "test"))

            let first = await round.run()
            #expect(first.outcome == .succeeded, "\(first.message ?? "")\n\(daemon.log.suffix(1000))")
            let older = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            try cluster.query("CREATE TABLE after_first (id int)")
            let second = await round.run()
            #expect(second.outcome == .succeeded, "\(second.message ?? "")")
            let newer = try #require(try Self.store(snapshots).publishStaging(keep: 2))

            #expect(second.transferredFileBytes < first.transferredFileBytes)
            #expect(try FileStatus("\(newer.path)/PG_VERSION").inode == FileStatus("\(older.path)/PG_VERSION").inode)
            #expect(!daemon.log.contains("auth failed"))
        }
    }
}

extension RsyncRoundTests {
    @Test("the slot keeps the WAL a long round needs while checkpoints recycle the rest; the snapshot starts")
    func walKeptBySlot() async throws {
        // 1 MB segments and a 4 MB max_wal_size: every checkpoint during the round would recycle the backup's start.
        try await TestCluster.with(
            initdbOptions: ["--wal-segsize=1"], serverOptions: ["-c min_wal_size=2MB -c max_wal_size=4MB"]
        ) { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            try cluster.query("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL)")
            try cluster.query("INSERT INTO t (v) SELECT repeat(md5(g::text), 10) FROM generate_series(1, 20000) g")
            let writer = try RowWriter(
                conninfo: cluster.conninfo,
                afterEachInsert: [
                    "SELECT pg_switch_wal()", "CHECKPOINT", "SELECT pg_sleep(0.1)",
                ])
            writer.start()
            let committedBefore = writer.committed
            let record = await Self.round(cluster, into: snapshots, extraRsyncOptions: ["--bwlimit=8000"]).run()
            _ = writer.stop()
            #expect(record.outcome == .succeeded, "\(record.message ?? "")")
            let snapshot = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            #expect(snapshot.marker.walSegmentSize == 1 << 20)
            #expect(snapshot.marker.walFiles.count > 4, "\(snapshot.marker.walFiles)")

            try cluster.query("CHECKPOINT")
            let startSegment = try #require(snapshot.marker.walFiles.first)
            #expect(
                !FileManager.default.fileExists(atPath: "\(cluster.pgdata)/pg_wal/\(startSegment)"),
                "without the round's slot the backup's first segment is gone from the active")

            let restored = try await TestCluster.startCopy(of: snapshot.path, port: 5434)
            let count = try? restored.query("SELECT count(*) FROM t WHERE id <= $1", ["\(committedBefore)"]).scalar
            #expect(count == "\(committedBefore)")
            #expect(restored.serverLog.contains("consistent recovery state reached"))
            await restored.stop()
        }
    }
}

extension RsyncRoundTests {
    @Test("cancelling a round stops its rsync, records it as cancelled and leaves the published snapshot as it was")
    func cancelledRound() async throws {
        try await TestCluster.with { cluster in
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            defer { snapshots.remove() }
            #expect(await Self.round(cluster, into: snapshots).run().outcome == .succeeded)
            let published = try #require(try Self.store(snapshots).publishStaging(keep: 2))
            #expect(published.dataAsOf == published.marker.startedAt)
            let before = try await checksums(of: published.path)
            try cluster.query(
                "CREATE TABLE big AS SELECT g, repeat(md5(g::text), 20) AS v FROM generate_series(1, 30000) g")

            let slow = Self.round(cluster, into: snapshots, extraRsyncOptions: ["--bwlimit=1000"])
            let running = Task { await slow.run() }
            let staging = "\(snapshots.path)/staging/"
            for _ in 0..<1_000 {
                let copying = rsyncProcesses(mentioning: staging).contains {
                    Self.commandLine($0.pid).contains("--link-dest=../latest/")
                }
                if copying { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            try await Task.sleep(for: .milliseconds(500))
            running.cancel()
            let record = await running.value
            #expect(record.outcome == .failed && record.errorCode == "cancelled", "\(record)")
            // The round returns only once rsync's whole process group has ended.
            let left = rsyncProcesses(mentioning: staging)
            #expect(left.isEmpty, "rsync left running: \(left)")
            #expect(try Self.store(snapshots).publishStaging(keep: 2) == nil)
            #expect(try Self.store(snapshots).snapshots() == [published])
            #expect(try await checksums(of: published.path) == before)
            let slots = try cluster.query("SELECT count(*) FROM pg_replication_slots").scalar
            #expect(slots == "0", "the round's temporary slot went with its session")
        }
    }
}
