import Foundation
import Logging
import PairCore
import Testing

@testable import PairAgent

/// The `pgsql` resource's real installer against an initdb'd cluster and a snapshot published by hand (a copy of
/// the cluster with a completion marker, as a round leaves one).
@Suite("SnapshotInstaller", .serialized)
struct SnapshotInstallerTests {
    static let logger = Logger(label: "pgpair.installer-test")

    private func configuration(_ cluster: TemporaryCluster, snapshots: Bool) -> HAConfiguration {
        HAConfiguration(
            nodes: ["castor", "pollux"], localNode: "castor", peerNode: "pollux", media: [],
            agent: AgentSettings(stateDirectory: "\(cluster.directory.path)/state"),
            postgres: PostgresSettings(
                dataDirectory: cluster.pgdata, binDirectory: TemporaryCluster.binDirectory, port: cluster.port),
            sync: SyncSettings(
                snapshotDirectory: snapshots ? "\(cluster.directory.path)/snapshots" : nil,
                lockfile: "\(cluster.directory.path)/sync.lock"))
    }

    /// A copy of the (stopped) cluster published as snapshot 1 of `epoch`; returns its name.
    private func publishCopy(of cluster: TemporaryCluster, epoch: UInt64) async throws -> String {
        let snapshots = "\(cluster.directory.path)/snapshots"
        try FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: true)
        let name = "snapshot-20261121T102432Z-000001"
        let copy = try await SubprocessRunner().run(
            ProcessCommand("/usr/bin/cp", ["-a", cluster.pgdata, "\(snapshots)/\(name)"], timeout: .seconds(60)))
        try #require(copy.succeeded)
        let marker = """
            {"completedAt":"2026-11-21T10:24:32Z","epoch":\(epoch),"format":1,"label":"pgpair test",\
            "node":"pollux","round":"test-1","startPosition":"0/0","startedAt":"2026-11-21T10:24:00Z",\
            "stopPosition":"0/0","walFiles":[],"walSegmentSize":16777216}
            """
        try marker.write(toFile: "\(snapshots)/\(name)/pgpair_snapshot.json", atomically: false, encoding: .utf8)
        symlink(name, "\(snapshots)/latest")
        return name
    }

    private func setAside(_ cluster: TemporaryCluster) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cluster.directory.path)) ?? []).filter {
            $0.hasPrefix("pgdata.replaced-")
        }
    }

    @Test("a newer snapshot is installed before the start, and the node's epoch recorded in the data directory")
    func installsAndRecordsTheEpoch() async throws {
        try await TemporaryCluster.with(port: 55_441) { cluster in
            let name = try await publishCopy(of: cluster, epoch: 2)
            try FileManager.default.createDirectory(
                atPath: "\(cluster.directory.path)/state", withIntermediateDirectories: true)
            try NodeStateStore(directory: "\(cluster.directory.path)/state").persistEpoch(5)
            let installer = SnapshotInstaller(
                configuration: configuration(cluster, snapshots: true), logger: Self.logger)

            try await installer.installNewestCopy(into: cluster.pgdata)

            #expect(setAside(cluster).count == 1)
            #expect(!FileManager.default.fileExists(atPath: "\(cluster.directory.path)/snapshots/\(name)"))
            #expect(cluster.directory.read("pgdata/pgpair_data_epoch") == "5\n")
            #expect(!FileManager.default.fileExists(atPath: "\(cluster.pgdata)/pgpair_snapshot.json"))

            // The directory now holds epoch 5's data: a second start keeps it.
            try await installer.installNewestCopy(into: cluster.pgdata)
            #expect(setAside(cluster).count == 1)
        }
    }

    @Test("without snapshot_dir the data directory is kept and nothing is recorded in it")
    func keepsWithoutSnapshotDirectory() async throws {
        try await TemporaryCluster.with(port: 55_442) { cluster in
            let installer = SnapshotInstaller(
                configuration: configuration(cluster, snapshots: false), logger: Self.logger)
            try await installer.installNewestCopy(into: cluster.pgdata)
            #expect(!FileManager.default.fileExists(atPath: "\(cluster.pgdata)/pgpair_data_epoch"))
            #expect(try await installer.pull(into: cluster.pgdata).contains("nothing to do"))
        }
    }

    @Test("pull is refused while PostgreSQL runs on the data directory")
    func pullRefusedWhileRunning() async throws {
        try await TemporaryCluster.with(port: 55_443) { cluster in
            _ = try await publishCopy(of: cluster, epoch: 2)
            let control = cluster.control()
            try await control.start(dataDirectory: cluster.pgdata)
            let installer = SnapshotInstaller(
                configuration: configuration(cluster, snapshots: true), logger: Self.logger)
            await #expect(throws: ResourceError.self) { try await installer.pull(into: cluster.pgdata) }
            try await control.stop(dataDirectory: cluster.pgdata)
            #expect(setAside(cluster).isEmpty)
        }
    }
}
