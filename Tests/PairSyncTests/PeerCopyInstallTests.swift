import Foundation
import Logging
import PairCore
import PairTestSupport
import Testing

@testable import PairSync

/// Installing the peer's copy with real clusters and a real rsync daemon on loopback exporting the peer's data
/// directory (`pgpair-data`): a cleanly stopped, newer peer copy is installed (the old directory set aside); a
/// crashed one is never used; a peer whose PostgreSQL answers is a refusal at takeover with nothing moved; an
/// unreachable peer leaves the local rules alone.
@Suite("install the peer's copy", .serialized)
struct PeerCopyInstallTests {
    static let logger = Logger(label: "pgpair.peercopytest")

    /// The fixture with the current data directory and a snapshot both at the source's 1 row, and a peer data
    /// directory (`peer/`, epoch 1) with `peerRows` more rows written and stopped cleanly; the daemon exports it.
    static func makePair(
        port: UInt16, peerRows: Int
    ) async throws -> (fixture: InstallFixture, daemon: LoopbackRsyncDaemon, peer: String) {
        let fixture = try await InstallFixture.make(port: port)
        try await fixture.copySourceToDataDirectory(epoch: 1)
        try await fixture.publishSource(sequence: 1, epoch: 1)
        let peer = "\(fixture.scratch.path)/peer"
        let copy = try await run("/usr/bin/cp", ["-a", fixture.source, peer])
        try #require(copy.status == 0, "cp: \(copy.output)")
        try DataDirectoryEpoch.record(1, in: peer, owner: "postgres")
        if peerRows > 0 {
            try await fixture.write(rows: peerRows, in: peer)
        }
        let daemon = try await LoopbackRsyncDaemon.start(serving: fixture.snapshotDirectory, exporting: peer)
        return (fixture, daemon, peer)
    }

    /// The peer's export; its PostgreSQL pinged on the fixture's socket directory and `port`.
    static func source(_ daemon: LoopbackRsyncDaemon, fixture: InstallFixture, port: UInt16) -> PeerDataSource {
        PeerDataSource(
            location: daemon.dataModule, passwordFile: daemon.passwordFile, sshOptions: [],
            pingHost: fixture.scratch.path, pingPort: port)
    }

    @Test("a cleanly stopped, newer peer copy is installed; the old directory is set aside and shares no file")
    func newerCleanPeerCopyIsInstalled() async throws {
        let (fixture, daemon, peer) = try await Self.makePair(port: 55_461, peerRows: 500)
        defer {
            daemon.stop()
            fixture.remove()
        }
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)

        let report = try await install.run(
            purpose: .takeover, fetchingFrom: Self.source(daemon, fixture: fixture, port: 55_461))

        guard case .install(let chosen, _) = report.decision else {
            Issue.record("not installed: \(report.summary)")
            return
        }
        #expect(chosen.source == .peer && chosen.state == .shutDown)
        #expect(report.installed == "the peer's data directory")
        let aside = try #require(report.setAside)
        #expect(FileManager.default.fileExists(atPath: "\(aside)/PG_VERSION"), "the replaced directory is kept")
        #expect(InstallFixture.sharedFiles(in: fixture.dataDirectory).isEmpty, "no file shared with a snapshot")
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.snapshotDirectory)/\(PeerCopyFetch.directoryName)"))
        #expect(try SnapshotStore(directory: fixture.snapshotDirectory, owner: "postgres").snapshots().count == 1)
        #expect(DataDirectoryEpoch.read(fixture.dataDirectory) == 1)
        #expect(try await fixture.rowCount(in: fixture.dataDirectory) == 501)
        #expect(try await fixture.rowCount(in: aside) == 1)
        #expect(FileManager.default.fileExists(atPath: "\(peer)/PG_VERSION"), "the peer keeps its own directory")
    }

    @Test("a peer copy that was not shut down cleanly is never used, however far its checkpoint reaches")
    func crashedPeerCopyIsNeverUsed() async throws {
        let (fixture, daemon, peer) = try await Self.makePair(port: 55_462, peerRows: 500)
        defer {
            daemon.stop()
            fixture.remove()
        }
        // The peer runs again, writes, checkpoints (so its control file reaches further than any local copy) and
        // is stopped without a shutdown checkpoint.
        try await Self.startServer(on: peer, fixture: fixture)
        let crashed = try await run(
            "\(InstallFixture.binDirectory)/psql",
            [
                "-h", fixture.scratch.path, "-p", "\(fixture.port)", "-U", "postgres", "-d", "postgres", "-c",
                "INSERT INTO t (payload) SELECT 'y' FROM generate_series(1, 100); CHECKPOINT;",
            ],
            asPostgres: true)
        let stop = try await run(
            "\(InstallFixture.binDirectory)/pg_ctl", ["-D", peer, "-m", "immediate", "-w", "stop"], asPostgres: true)
        try #require(crashed.status == 0 && stop.status == 0, "\(crashed.output) \(stop.output)")
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)

        let report = try await install.run(
            purpose: .takeover, fetchingFrom: Self.source(daemon, fixture: fixture, port: fixture.port))

        guard case .keep = report.decision else {
            Issue.record("the crashed peer copy was taken: \(report.summary)")
            return
        }
        #expect(report.peerNote?.contains("not shut down cleanly") == true, "\(report.summary)")
        #expect(fixture.entries(startingWith: "pgdata.replaced-").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.snapshotDirectory)/\(PeerCopyFetch.directoryName)"))
        #expect(try await fixture.rowCount(in: fixture.dataDirectory) == 1)
    }

    @Test("a peer whose PostgreSQL answers is a refusal at takeover, and nothing is copied or moved")
    func answeringPeerIsARefusal() async throws {
        let (fixture, daemon, peer) = try await Self.makePair(port: 55_463, peerRows: 0)
        defer {
            daemon.stop()
            fixture.remove()
        }
        try await Self.startServer(on: peer, fixture: fixture)
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)
        let source = Self.source(daemon, fixture: fixture, port: fixture.port)

        let takeover = try await install.run(purpose: .takeover, fetchingFrom: source)
        let nodeStart = try await install.run(purpose: .nodeStart, fetchingFrom: source)
        let stop = try await run(
            "\(InstallFixture.binDirectory)/pg_ctl", ["-D", peer, "-m", "fast", "-w", "stop"], asPostgres: true)
        #expect(stop.status == 0, "\(stop.output)")

        guard case .refuse = takeover.decision else {
            Issue.record("not refused: \(takeover.summary)")
            return
        }
        #expect(nodeStart.decision.isKeep, "at a node's start the local rules decide: \(nodeStart.summary)")
        #expect(takeover.peerNote?.contains("answers") == true)
        #expect(fixture.entries(startingWith: "pgdata.replaced-").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.snapshotDirectory)/\(PeerCopyFetch.directoryName)"))
        #expect(!daemon.log.contains("pgpair-data"), "rsync never asked for the peer's data: \(daemon.log)")
    }

    @Test("an unreachable peer leaves the local rules alone: a newer snapshot is installed, nothing older")
    func unreachablePeerLeavesTheLocalRules() async throws {
        let (fixture, daemon, _) = try await Self.makePair(port: 55_464, peerRows: 500)
        defer {
            daemon.stop()
            fixture.remove()
        }
        try await fixture.write(rows: 50, in: fixture.source)
        let newer = try await fixture.publishSource(sequence: 2, epoch: 1)
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)
        // Nothing listens on port 1 in the test's network namespace: the peer cannot be reached.
        var source = Self.source(daemon, fixture: fixture, port: fixture.port)
        source.location = "rsync://\(LoopbackRsyncDaemon.user)@127.0.0.1:1/pgpair-data"

        let first = try await install.run(purpose: .takeover, fetchingFrom: source)
        let second = try await install.run(purpose: .nodeStart, fetchingFrom: source)

        #expect(first.installed == newer.name, "\(first.summary)")
        #expect(first.peerNote?.contains("no copy of the peer's data directory") == true, "\(first.summary)")
        #expect(second.decision.isKeep, "nothing older replaces the installed snapshot: \(second.summary)")
        #expect(fixture.entries(startingWith: "pgdata.replaced-").count == 1)
        #expect(try await fixture.rowCount(in: fixture.dataDirectory) == 51)
    }

    @Test("a copy is compared with the peer's directory after it is made: a file written meanwhile is seen")
    func aChangeDuringTheCopyIsSeen() async throws {
        let (fixture, daemon, peer) = try await Self.makePair(port: 55_465, peerRows: 0)
        defer {
            daemon.stop()
            fixture.remove()
        }
        let fetch = PeerCopyFetch(
            source: Self.source(daemon, fixture: fixture, port: fixture.port),
            store: SnapshotStore(directory: fixture.snapshotDirectory, owner: "postgres"),
            binDirectory: InstallFixture.binDirectory, logger: Self.logger)

        guard case .copied = try await fetch.run() else {
            Issue.record("the peer's directory was not copied")
            return
        }
        let unchanged = try await fetch.changeSinceCopy()
        try "written after the copy\n".write(
            toFile: "\(peer)/postgresql.auto.conf", atomically: false, encoding: .utf8)
        let changed = try await fetch.changeSinceCopy()
        fetch.removeCopy()

        #expect(unchanged == nil, "a fresh copy equals the peer's directory: \(unchanged ?? "")")
        #expect(changed?.contains("postgresql.auto.conf") == true, "\(changed ?? "no change seen")")
    }

    /// Starts a server on `directory` on the fixture's socket directory and port (stopped by the test).
    static func startServer(on directory: String, fixture: InstallFixture) async throws {
        let options =
            "-c port=\(fixture.port) -c listen_addresses= -c unix_socket_directories=\(fixture.scratch.path)"
        let start = try await run(
            "\(InstallFixture.binDirectory)/pg_ctl",
            ["-D", directory, "-l", "\(fixture.scratch.path)/peer.log", "-w", "-t", "120", "-o", options, "start"],
            asPostgres: true)
        try #require(start.status == 0, "pg_ctl start: \(start.output)")
    }
}

extension InstallDecision {
    /// True for `.keep`.
    fileprivate var isKeep: Bool {
        if case .keep = self { return true }
        return false
    }
}
