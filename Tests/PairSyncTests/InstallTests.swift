import Foundation
import Logging
import PairCore
import PairTestSupport
import Testing

@testable import PairSync

/// Installing a copy with real clusters, snapshots and renames: newer data is never replaced by older, the replaced
/// directory is kept, and a snapshot kept for safety is intact after a newer one has run as the data directory.
@Suite("install a copy", .serialized)
struct InstallTests {
    static let logger = Logger(label: "pgpair.installtest")

    @Test("a newer snapshot is installed; the one kept for safety is intact after the new one has run")
    func newerSnapshotRunsAndTheOlderStaysIntact() async throws {
        let fixture = try await InstallFixture.make(port: 55_431)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: nil)
        let older = try await fixture.publishSource(sequence: 1, epoch: 1)
        try await fixture.write(rows: 2000, in: fixture.source)
        let newer = try await fixture.publishSource(sequence: 2, epoch: 1, linkDest: older.name)
        #expect(!InstallFixture.sharedFiles(in: newer.path).isEmpty, "the snapshots share files as a round's do")
        let kept = try await checksums(of: older.path)

        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover)

        #expect(report.installed == newer.name)
        #expect(report.ownCopyFiles > 0)
        let aside = try #require(report.setAside)
        #expect(aside.hasPrefix(fixture.dataDirectory + DataDirectoryInstall.replacedSuffix))
        #expect(FileManager.default.fileExists(atPath: "\(aside)/PG_VERSION"), "the replaced directory is kept")
        #expect(InstallFixture.sharedFiles(in: fixture.dataDirectory).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: newer.path), "the installed snapshot is no longer one")
        let store = SnapshotStore(directory: fixture.snapshotDirectory, owner: "postgres")
        #expect(try store.snapshots().map(\.name) == [older.name])
        #expect(
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fixture.snapshotDirectory)/latest"))
                == older.name)
        #expect(DataDirectoryEpoch.read(fixture.dataDirectory) == 1)
        var status = stat()
        #expect(stat(fixture.dataDirectory, &status) == 0 && status.st_mode & 0o777 == 0o700)

        // PostgreSQL writes into the installed files in place: the older snapshot must not see any of it.
        try await fixture.withServer(on: fixture.dataDirectory) { connection in
            try connection.query("UPDATE t SET payload = repeat('y', 200)")
            try connection.query("INSERT INTO t (payload) SELECT repeat('z', 200) FROM generate_series(1, 2000)")
            try connection.query("VACUUM t")
            try connection.query("CHECKPOINT")
        }
        #expect(try await fixture.rowCount(in: fixture.dataDirectory) == 4001)
        #expect(try await checksums(of: older.path) == kept)
        let check = "\(fixture.scratch.path)/check"
        #expect(try await run("/usr/bin/cp", ["-a", older.path, check]).status == 0)
        #expect(try await fixture.rowCount(in: check) == 1, "the older snapshot still starts, with its own data")
    }

    @Test("a data directory of a later epoch is kept against a snapshot further along in the WAL")
    func laterEpochIsKept() async throws {
        let fixture = try await InstallFixture.make(port: 55_432)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: 3)
        try await fixture.write(rows: 10, in: fixture.source)
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 2)
        try await expectKept(fixture, snapshot: snapshot)
    }

    @Test("within one epoch, a data directory further along is kept against an older snapshot")
    func furtherAlongIsKept() async throws {
        let fixture = try await InstallFixture.make(port: 55_433)
        defer { fixture.remove() }
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 2)
        try await fixture.write(rows: 10, in: fixture.source)
        try await fixture.copySourceToDataDirectory(epoch: 2)
        try await expectKept(fixture, snapshot: snapshot)
    }

    @Test("an equal copy leaves the data directory as it is")
    func equalIsKept() async throws {
        let fixture = try await InstallFixture.make(port: 55_434)
        defer { fixture.remove() }
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 2)
        try await fixture.copySourceToDataDirectory(epoch: 2)
        try await expectKept(fixture, snapshot: snapshot)
    }

    @Test("within one epoch, a snapshot further along replaces the data directory, which is set aside")
    func furtherAlongSnapshotIsInstalled() async throws {
        let fixture = try await InstallFixture.make(port: 55_435)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: 2)
        try await fixture.write(rows: 10, in: fixture.source)
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 2)
        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .nodeStart)
        #expect(report.installed == snapshot.name)
        #expect(fixture.entries(startingWith: "pgdata.replaced-").count == 1)
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.snapshotDirectory)/latest"), "no snapshot remains")
        #expect(try await fixture.rowCount(in: fixture.dataDirectory) == 11)
    }

    @Test("pg_dumpall copies are compared by the source's positions in their markers, not their own pg_control")
    func dumpallCopiesCompareByTheirMarkers() async throws {
        let fixture = try await InstallFixture.make(port: 55_440)
        defer { fixture.remove() }
        // The data directory is an earlier pg_dumpall copy, installed and not run since: its own checkpoint lies
        // far beyond the source positions in its marker.
        let earlier = try await fixture.publishSource(sequence: 1, epoch: 2, dumpallStop: WALPosition(0x10_0000))
        #expect(rename(earlier.path, fixture.dataDirectory) == 0)
        let later = try await fixture.publishSource(sequence: 2, epoch: 2, dumpallStop: WALPosition(0x20_0000))
        let control = try await DataDirectoryControlData.read(later.path, binDirectory: InstallFixture.binDirectory)
        #expect(control.checkpoint > WALPosition(0x20_0000))

        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover)
        #expect(report.installed == later.name)

        // Once PostgreSQL has run on it, the directory's own positions count, and its epoch is the running one.
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)
        try install.recordRunningEpoch(3)
        #expect(!FileManager.default.fileExists(atPath: "\(fixture.dataDirectory)/\(SnapshotMarker.fileName)"))
        #expect(DataDirectoryEpoch.read(fixture.dataDirectory) == 3)
    }

    @Test("a missing data directory takes the newest snapshot")
    func missingDataDirectory() async throws {
        let fixture = try await InstallFixture.make(port: 55_436)
        defer { fixture.remove() }
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 1)
        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover)
        #expect(report.installed == snapshot.name)
        #expect(report.setAside == nil)
        #expect(FileManager.default.fileExists(atPath: "\(fixture.dataDirectory)/PG_VERSION"))
    }

    @Test("no snapshot_dir, or an empty one: the data directory is kept")
    func nothingToInstall() async throws {
        let fixture = try await InstallFixture.make(port: 55_437)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: nil)
        var settings = fixture.settings
        let empty = try await DataDirectoryInstall(settings: settings, logger: Self.logger).run(purpose: .takeover)
        #expect(empty.installed == nil && empty.setAside == nil)
        settings.snapshotDirectory = nil
        let none = try await DataDirectoryInstall(settings: settings, logger: Self.logger).run(purpose: .takeover)
        #expect(none.decision == .keep(reason: "no snapshot_dir is configured"))
    }

    @Test("at a takeover, a peer whose PostgreSQL answers is a refusal that touches nothing")
    func peerAnsweringIsRefused() async throws {
        let fixture = try await InstallFixture.make(port: 55_438)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: nil)
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 1)
        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover, peer: .answering)
        guard case .refuse = report.decision else {
            Issue.record("expected a refusal: \(report.decision)")
            return
        }
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        #expect(fixture.entries(startingWith: "pgdata.replaced-").isEmpty)
    }

    @Test("a data directory whose control file fails its check is never replaced: a refusal that moves nothing")
    func unreadableControlFileIsRefused() async throws {
        let fixture = try await InstallFixture.make(port: 55_444)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: nil)
        let snapshot = try await fixture.publishSource(sequence: 1, epoch: 5)
        let control = try #require(FileHandle(forUpdatingAtPath: "\(fixture.dataDirectory)/global/pg_control"))
        try control.seek(toOffset: 16)
        try control.write(contentsOf: Data([0xFF, 0xFF]))
        try control.close()
        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover)
        guard case .refuse(let reason) = report.decision else {
            Issue.record("expected a refusal: \(report.decision)")
            return
        }
        #expect(reason.contains("cannot be read"))
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        #expect(fixture.entries(startingWith: "pgdata.replaced-").isEmpty)
    }

    @Test("the running epoch is recorded in the data directory and never lowered")
    func runningEpoch() async throws {
        let fixture = try await InstallFixture.make(port: 55_439)
        defer { fixture.remove() }
        try await fixture.copySourceToDataDirectory(epoch: 4)
        let install = DataDirectoryInstall(settings: fixture.settings, logger: Self.logger)
        try install.recordRunningEpoch(6)
        #expect(DataDirectoryEpoch.read(fixture.dataDirectory) == 6)
        try install.recordRunningEpoch(5)
        #expect(DataDirectoryEpoch.read(fixture.dataDirectory) == 6)
    }

    private func expectKept(_ fixture: InstallFixture, snapshot: Snapshot) async throws {
        let before = try await checksums(of: fixture.dataDirectory)
        let report = try await DataDirectoryInstall(settings: fixture.settings, logger: Self.logger).run(
            purpose: .takeover)
        guard case .keep = report.decision else {
            Issue.record("expected the data directory to be kept: \(report.decision)")
            return
        }
        #expect(try await checksums(of: fixture.dataDirectory) == before)
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        #expect(fixture.entries(startingWith: "pgdata.replaced-").isEmpty)
    }
}
