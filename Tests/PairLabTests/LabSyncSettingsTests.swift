import Testing

@testable import PairLab

struct LabSyncSettingsTests {
    let topology = LabTopology(runID: "0badcafe")
    var paths: LabPaths { LabPaths(runID: topology.runID) }
    let executables = LabExecutables(binDirectory: "/opt/pgpair/bin")

    @Test func eachNodePushesIntoThePeersStagingModuleOverThePrimaryLinkWithItsOwnPaths() {
        let root = "/tmp/pgpair-lab-0badcafe/castor"
        #expect(
            LabSyncSettings().haCFLines(for: .a, topology: topology, paths: paths) == [
                "sync_method rsync", "rsync_target pgpair@198.18.1.2::pgpair-staging",
                "rsync_password_file \(root)/etc/rsync.secret", "snapshot_dir \(root)/snapshots",
                "sync_lockfile \(root)/lock/pgpair-sync.lock",
            ])
        let pollux = LabSyncSettings(interval: .seconds(5), snapshotKeep: 3).haCFLines(
            for: .b, topology: topology, paths: paths)
        #expect(pollux.contains("rsync_target pgpair@198.18.1.1::pgpair-staging"))
        #expect(pollux.suffix(2) == ["snapshot_keep 3", "sync_interval 5000ms"])
        #expect(!pollux.joined().contains("castor"), "nothing of the other node's paths")
    }

    @Test func theServiceWritesTheSyncLinesOnlyWhenAsked() {
        let plain = AgentLabConfiguration(authKey: "k").haCF(
            for: .a, topology: topology, paths: paths, executables: executables, serialDevice: "/dev/pts/7")
        #expect(!plain.contains("sync_method"), "existing labs are unchanged")
        let syncing = AgentLabConfiguration(authKey: "k", service: LabServiceSettings(sync: LabSyncSettings()))
            .haCF(for: .a, topology: topology, paths: paths, executables: executables, serialDevice: "/dev/pts/7")
        #expect(syncing.split(separator: "\n").contains("sync_method rsync"))
    }

    @Test func pullingFromThePeerReadsItsDataModuleOverThePrimaryLink() {
        let lines = LabSyncSettings(pullFromPeer: true).haCFLines(for: .a, topology: topology, paths: paths)
        #expect(lines.contains("rsync_source pgpair@198.18.1.2::pgpair-data"))
        let plain = LabSyncSettings().haCFLines(for: .a, topology: topology, paths: paths)
        #expect(!plain.joined().contains("rsync_source"))
    }

    @Test func theDaemonsUserAndModuleAreTheOnesTheTargetNames() {
        let lab = LabSyncSettings.rsyncTarget(for: .b, topology: topology)
        #expect(lab == "\(LabSyncSettings.rsyncUser)@198.18.1.1::\(LabSyncSettings.stagingModule)")
    }
}
