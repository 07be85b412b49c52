import Foundation
import Logging
import PairPostgres
import PairTestSupport
import Testing

@testable import PairSync

/// Pull rounds with a real cluster as the running peer and a real rsync daemon on loopback exporting its data
/// directory as `pgpair-data`: the snapshot starts, reaches consistency and holds every row committed before the
/// round began; a round killed midway leaves the published snapshots as they were; a peer that does not answer
/// gets no round.
@Suite("PullRound", .serialized)
struct PullRoundTests {
    /// The running peer (a cluster and the daemon exporting its data directory) and this node's snapshot directory
    /// and lock file.
    struct Pair {
        let cluster: TestCluster
        let daemon: LoopbackRsyncDaemon
        let snapshots: Scratch
        let locks: Scratch

        static func start(port: UInt16) async throws -> Pair {
            let cluster = try await TestCluster.start(port: port)
            let snapshots = try Scratch("pgpair-synctest-snapshots")
            let locks = try Scratch("pgpair-synctest-lock")
            let daemon = try await LoopbackRsyncDaemon.start(serving: snapshots.path, exporting: cluster.pgdata)
            return Pair(cluster: cluster, daemon: daemon, snapshots: snapshots, locks: locks)
        }

        /// A pull round from the peer into the snapshot directory, with `extraRsyncOptions`. The conninfo names
        /// another host and port: the session must go to the peer's.
        func round(extraRsyncOptions: [String] = []) -> PullRound {
            let source = PeerDataSource(
                location: daemon.dataModule, passwordFile: daemon.passwordFile, sshOptions: [],
                pingHost: cluster.socketDirectory, pingPort: cluster.port)
            let conninfo = PullRoundSettings.peerConninfo(
                "host=/nonexistent port=1 dbname=postgres user=postgres", host: cluster.socketDirectory,
                port: cluster.port)
            return PullRound(
                settings: PullRoundSettings(
                    source: source, conninfo: conninfo, snapshotDirectory: snapshots.path, owner: "postgres", keep: 3,
                    lockfile: "\(locks.path)/sync.lock", node: "pollux", peer: "castor", fallbackEpoch: 2,
                    extraRsyncOptions: extraRsyncOptions),
                logger: Logger(label: "test"))
        }

        var store: SnapshotStore { SnapshotStore(directory: snapshots.path, owner: "postgres") }

        /// Stops the cluster and the daemon and removes the directories.
        func remove() async {
            await cluster.stop()
            daemon.stop()
            snapshots.remove()
            locks.remove()
        }
    }

    @Test("with writes running on the peer, the pulled snapshot starts, is consistent and holds every earlier row")
    func writesThroughout() async throws {
        let pair = try await Pair.start(port: 55_481)
        let cluster = pair.cluster
        try DataDirectoryEpoch.record(5, in: cluster.pgdata, owner: "postgres")
        try cluster.query("CREATE TABLE t (id bigserial PRIMARY KEY, v text NOT NULL)")
        try cluster.query("INSERT INTO t (v) SELECT md5(g::text) FROM generate_series(1, 20000) g")
        let writer = try RowWriter(conninfo: cluster.conninfo)
        writer.start()
        while writer.committed < 20_100 { try await Task.sleep(for: .milliseconds(20)) }

        let committedBefore = writer.committed
        let fetch = await pair.round().runIfPeerAnswers()
        try await Task.sleep(for: .milliseconds(200))
        let committedAfter = writer.stop()
        let slots = try cluster.query("SELECT count(*) FROM pg_replication_slots").scalar
        let daemonLog = pair.daemon.log
        let newest = try pair.store.newest()
        let snapshots = pair.snapshots.path

        let pulled = try #require(fetch, "the peer answers, so a round ran")
        let snapshot = try #require(pulled.snapshot, "\(pulled.summary)\n\(daemonLog.suffix(1500))")
        #expect(pulled.record.outcome == .succeeded && pulled.record.transferredFileBytes > 0)
        #expect(committedAfter > committedBefore, "the writer kept writing during the round")
        #expect(slots == "0", "the temporary slot went with the session")
        #expect(snapshot.marker.node == "castor" && snapshot.marker.epoch == 5, "the peer's epoch, from the copy")
        #expect(snapshot.marker.label.hasPrefix("pgpair pollux pull "))
        #expect(newest == snapshot)
        #expect(!FileManager.default.fileExists(atPath: "\(snapshots)/\(PullRoundSettings.stagingName)"))
        #expect(!FileManager.default.fileExists(atPath: "\(snapshots)/staging"), "the push's staging untouched")
        let restored = try await TestCluster.startCopy(of: snapshot.path, port: 55_482)
        let count = try restored.query("SELECT count(*) FROM t WHERE id <= $1", ["\(committedBefore)"]).scalar
        let log = restored.serverLog
        await restored.stop()
        await pair.remove()
        #expect(count == "\(committedBefore)", "rows committed before the round began")
        #expect(log.contains("consistent recovery state reached"), "\(log)")
    }

    @Test("killing rsync in the middle of a pull leaves the published snapshots as they were; the next pull works")
    func killedTransfer() async throws {
        let pair = try await Pair.start(port: 55_483)
        let first = await pair.round().run()
        let published = try #require(first.snapshot, "\(first.summary)")
        #expect(published.marker.epoch == 2, "no pgpair_data_epoch in the copy: the fallback")
        let before = try await checksums(of: published.path)
        try pair.cluster.query(
            "CREATE TABLE big AS SELECT g, repeat(md5(g::text), 20) AS v FROM generate_series(1, 30000) g")

        let slow = pair.round(extraRsyncOptions: ["--bwlimit=1000"])
        let running = Task { await slow.run() }
        let staging = "\(pair.snapshots.path)/\(PullRoundSettings.stagingName)/"
        let pid = try #require(
            try await RsyncRoundTests.dataTransfer(into: staging), "the pull's data transfer was seen running")
        try await Task.sleep(for: .milliseconds(700))
        kill(pid, SIGKILL)
        let killed = await running.value

        #expect(killed.snapshot == nil && killed.record.errorCode == "transfer_failed", "\(killed.summary)")
        #expect(killed.summary.contains("failed"))
        #expect(rsyncProcesses(mentioning: staging).isEmpty, "rsync left running")
        #expect(try pair.store.snapshots() == [published])
        #expect(try await checksums(of: published.path) == before)
        #expect(!FileManager.default.fileExists(atPath: "\(staging)\(SnapshotMarker.fileName)"))
        #expect(try pair.cluster.query("SELECT count(*) FROM pg_replication_slots").scalar == "0")

        let next = await pair.round().run()
        let snapshots = try pair.store.snapshots()
        let after = try await checksums(of: published.path)
        await pair.remove()
        let newer = try #require(next.snapshot, "\(next.summary)")
        #expect(snapshots == [published, newer])
        #expect(after == before)
    }

    @Test("a peer whose PostgreSQL does not answer gets no round, and the snapshot directory is left alone")
    func silentPeer() async throws {
        let snapshots = try Scratch("pgpair-synctest-snapshots")
        let locks = try Scratch("pgpair-synctest-lock")
        defer {
            snapshots.remove()
            locks.remove()
        }
        let source = PeerDataSource(
            location: "rsync://pgpair@127.0.0.1:1/pgpair-data", passwordFile: nil, sshOptions: [],
            pingHost: "127.0.0.1", pingPort: 1)
        let round = PullRound(
            settings: PullRoundSettings(
                source: source, conninfo: "host=127.0.0.1 port=1", snapshotDirectory: snapshots.path,
                owner: "postgres", lockfile: "\(locks.path)/sync.lock", node: "pollux", peer: "castor"),
            logger: Logger(label: "test"))

        let fetch = await round.runIfPeerAnswers()

        #expect(fetch == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: snapshots.path).isEmpty)
    }

    @Test("a pull's transfers from the peer carry the password file; the files added locally do not (rsync refuses it)")
    func pullArguments() {
        let arguments = RsyncArguments(
            dataSource: "rsync://pgpair@castor/pgpair-data/", staging: "/var/lib/pgpair/snapshots/pull-staging",
            transport: ["--password-file=/etc/pgpair/rsync.secret"], extraRsyncOptions: ["--timeout=60"],
            stagingIsRemote: false)
        let wal = arguments.fetchWAL(["000000010000000000000003", "000000010000000000000004"])

        #expect(arguments.copyData().contains("--password-file=/etc/pgpair/rsync.secret"))
        #expect(
            arguments.copyData().suffix(2) == [
                "rsync://pgpair@castor/pgpair-data/", "/var/lib/pgpair/snapshots/pull-staging/",
            ])
        #expect(wal.contains("--password-file=/etc/pgpair/rsync.secret") && wal.contains("--timeout=60"))
        #expect(
            wal.suffix(8) == [
                "--include=/000000010000000000000003", "--include=/000000010000000000000004", "--include=/*.history",
                "--include=/archive_status/", "--exclude=/archive_status/*", "--exclude=*",
                "rsync://pgpair@castor/pgpair-data/pg_wal/", "/var/lib/pgpair/snapshots/pull-staging/pg_wal/",
            ])
        for local in [arguments.addFiles(from: "/tmp/work/marker"), arguments.clearStaging(emptyDirectory: "/tmp/e")] {
            #expect(!local.contains { $0.hasPrefix("--password-file") || $0.hasPrefix("--timeout") }, "\(local)")
        }
    }

    @Test(
        "the session reaches the peer at rsync_source's host and pg_port, whatever pg_conninfo says",
        arguments: [
            ("dbname=postgres user=postgres", "dbname=postgres user=postgres host='castor' port='5433'"),
            ("host=localhost port=5432 user=x", "host=localhost port=5432 user=x host='castor' port='5433'"),
            ("postgresql://x@localhost/db", "postgresql://x@localhost/db?host=castor&port=5433"),
            (
                "postgresql://x@localhost/db?sslmode=require",
                "postgresql://x@localhost/db?sslmode=require&host=castor&port=5433"
            ),
        ])
    func peerConninfo(conninfo: String, expected: String) {
        #expect(PullRoundSettings.peerConninfo(conninfo, host: "castor", port: 5433) == expected)
    }
}
