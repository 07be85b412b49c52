import Testing

@testable import PairCore

@Suite struct HAConfigParserSyncTests {
    @Test func rsyncWithEverySetting() throws {
        let lines = """
            sync_method rsync
            rsync_target {peer}::pgpair-staging
            rsync_source rsync://{peer}:8873/pgpair-data
            rsync_password_file /etc/pgpair/rsync.secret
            snapshot_dir /var/lib/postgresql/pgpair-snapshots
            snapshot_keep 3
            sync_lockfile /run/lock/other.lock
            sync_interval 15m
            """
        // `15m` is not a time: minutes are not a unit.
        #expect(ConfigFixtures.ha(lines).errors.map(\.line) == [13])
        let result = ConfigFixtures.ha(lines.replacing("15m", with: "900"))
        #expect(result.diagnostics.isEmpty)
        let sync = try #require(result.value).sync
        #expect(sync.method == .rsync)
        #expect(sync.rsyncTarget?.written == "pollux::pgpair-staging")
        #expect(sync.rsyncTarget?.transport == .daemon)
        #expect(sync.rsyncSource?.port == 8873)
        #expect(sync.rsyncPasswordFile == "/etc/pgpair/rsync.secret")
        #expect(sync.snapshotDirectory == "/var/lib/postgresql/pgpair-snapshots")
        #expect(sync.snapshotKeep == 3)
        #expect(sync.lockfile == "/run/lock/other.lock")
        #expect(sync.interval == .seconds(900))
    }

    @Test func rsyncNeedsTargetAndSnapshotDirectory() {
        let result = ConfigFixtures.ha("sync_method rsync")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error", "6 error"])
        #expect(result.diagnostics[0].message.hasPrefix("`sync_method rsync` needs `snapshot_dir`"))
        #expect(result.diagnostics[1].message.hasPrefix("`sync_method rsync` needs `rsync_target`"))
    }

    @Test func pgDumpall() throws {
        let lines = """
            sync_method pg_dumpall
            dumpall_source host={peer} user=postgres dbname=postgres
            snapshot_dir /var/lib/postgresql/pgpair-snapshots
            """
        let sync = try #require(ConfigFixtures.ha(lines).value).sync
        #expect(sync.method == .pgDumpall)
        #expect(sync.dumpallSource == "host=pollux user=postgres dbname=postgres")
    }

    @Test func pgDumpallNeedsASourceAndWarnsAboutRsyncSettings() {
        let lines = """
            sync_method pg_dumpall
            snapshot_dir /var/lib/postgresql/pgpair-snapshots
            rsync_target pollux::x
            rsync_ssh_options -p 2222
            """
        let result = ConfigFixtures.ha(lines)
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error", "8 warning", "9 warning"])
        #expect(result.diagnostics[0].message.hasPrefix("`sync_method pg_dumpall` needs `dumpall_source`"))
    }

    @Test func dumpallSourceWithAPasswordIsRefused() {
        let result = ConfigFixtures.ha("dumpall_source host=pollux password=hunter2")
        #expect(result.errors.map(\.line) == [6])
        #expect(!result.errors[0].message.contains("hunter2"))
    }

    @Test func aWrongRequiredSettingIsReportedOnlyOnce() {
        let dumpall = "sync_method pg_dumpall\ndumpall_source password=x\nsnapshot_dir snapshots"
        #expect(ConfigFixtures.places(ConfigFixtures.ha(dumpall).diagnostics) == ["7 error", "8 error"])
        let rsync = "sync_method rsync\nrsync_target /local\nsnapshot_dir /srv/snap"
        #expect(ConfigFixtures.places(ConfigFixtures.ha(rsync).diagnostics) == ["7 error"])
    }

    @Test func syncSettingsWithoutAMethodAreWarnings() {
        let lines =
            "snapshot_dir /srv/snap\nsnapshot_keep 4\nsync_interval 60\nrsync_target pollux::m\ndumpall_source host=x"
        let result = ConfigFixtures.ha(lines)
        #expect(
            ConfigFixtures.places(result.diagnostics) == [
                "6 warning", "7 warning", "8 warning", "9 warning", "10 warning",
            ])
        #expect(result.diagnostics.allSatisfy { $0.message.contains("has no effect without `sync_method`") })
    }

    @Test func rsyncOptionsThatCannotApplyAreWarnings() {
        let daemon = """
            sync_method rsync
            rsync_target pollux::staging
            snapshot_dir /srv/snap
            rsync_ssh_options -p 2222
            dumpall_source host=pollux
            """
        #expect(ConfigFixtures.places(ConfigFixtures.ha(daemon).diagnostics) == ["9 warning", "10 warning"])
        let ssh = """
            sync_method rsync
            rsync_target postgres@pollux:/srv/staging
            snapshot_dir /srv/snap
            rsync_password_file /etc/pgpair/rsync.secret
            """
        #expect(ConfigFixtures.places(ConfigFixtures.ha(ssh).diagnostics) == ["9 warning"])
    }

    @Test func snapshotsMustNotBeInsideTheDataDirectory() {
        let lines = "sync_method rsync\nrsync_target pollux::m\nsnapshot_dir /var/lib/postgresql/16/main/snap"
        let result = ConfigFixtures.ha(lines)
        #expect(ConfigFixtures.places(result.diagnostics) == ["8 error"])
        #expect(
            ConfigFixtures.haText(
                ConfigFixtures.minimalHA.replacing("/var/lib/postgresql/16/main", with: "/srv/pg/")
                    + "\nsync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv"
            ).errors.count == 1)
    }

    @Test func snapshotsBesideTheDataDirectoryAreFine() {
        let lines = "sync_method rsync\nrsync_target pollux::m\nsnapshot_dir /var/lib/postgresql/16/main-snapshots"
        #expect(ConfigFixtures.ha(lines).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("rsync_target /var/lib/pgpair", "must name the peer, not a local path"),
        ("rsync_target user:pw@pollux::m", "must not contain a password"),
        ("rsync_source pollux::", "is not an rsync location"),
        ("sync_method unison", "write `sync_method rsync` or `sync_method pg_dumpall`"),
        ("snapshot_keep 0", "whole number from 1 to 100"),
        ("sync_lockfile lock", "absolute path"),
        ("rsync_password_file secret", "absolute path"),
        ("sync_interval often", "is not a time"),
        ("rsync_ssh_options -o 'x", "unclosed quote"),
    ])
    func malformedSyncValues(line: String, fragment: String) {
        let result = ConfigFixtures.ha(line)
        #expect(result.errors.map(\.line) == [6])
        #expect(result.errors.first?.message.contains(fragment) == true, "\(result.errors)")
    }

    @Test func syncIntervalZeroMeansCronOnly() throws {
        let lines = "sync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv/snap\nsync_interval 0"
        #expect(try #require(ConfigFixtures.ha(lines).value).sync.interval == .zero)
    }

    @Test(arguments: [
        ("/a", "/a", true), ("/a/b", "/a", true), ("/a/", "/a", true), ("/ab", "/a", false),
        ("/a", "/a/b", false), ("/x", "/", true),
    ])
    func pathContainment(path: String, directory: String, within: Bool) {
        #expect(HAConfigParser.path(path, isWithin: directory) == within)
    }
}
