import PairCore
import Testing

@testable import PairSync

@Suite("RsyncArguments")
struct RsyncArgumentsTests {
    static func arguments(
        destination: String = "pollux::pgpair-staging", passwordFile: String? = "/etc/pgpair/rsync.secret",
        ssh: [String] = []
    ) -> RsyncArguments {
        RsyncArguments(
            settings: RsyncRoundSettings(
                dataDirectory: "/var/lib/postgresql/15/main", destination: destination, conninfo: "port=5432",
                rsyncPasswordFile: passwordFile, sshOptions: ssh, node: "castor"))
    }

    @Test("the data transfer: link-dest to latest, nanosecond times, DESIGN.md's excludes, into staging")
    func dataTransfer() {
        let arguments = Self.arguments().copyData()
        #expect(
            arguments.prefix(5) == [
                "-a", "--delete", "--delete-excluded", "--modify-window=-1", "--link-dest=../latest/",
            ])
        #expect(arguments.contains("--password-file=/etc/pgpair/rsync.secret"))
        #expect(
            arguments.filter { $0.hasPrefix("--exclude=") } == [
                "--exclude=/postmaster.pid", "--exclude=/postmaster.opts", "--exclude=/pg_wal/*",
                "--exclude=/pg_replslot/*", "--exclude=/pg_dynshmem/*", "--exclude=/pg_notify/*",
                "--exclude=/pg_serial/*", "--exclude=/pg_snapshots/*", "--exclude=/pg_stat_tmp/*",
                "--exclude=/pg_subtrans/*", "--exclude=pgsql_tmp*", "--exclude=pg_internal.init",
                "--exclude=/pgpair_snapshot.json",
            ])
        #expect(arguments.suffix(2) == ["/var/lib/postgresql/15/main/", "pollux::pgpair-staging/staging/"])
    }

    @Test(
        "staging lies under every form of destination",
        arguments: [
            ("pollux::pgpair-staging", "pollux::pgpair-staging/staging/"),
            ("rsync://pgpair@pollux:8873/pgpair-staging/", "rsync://pgpair@pollux:8873/pgpair-staging/staging/"),
            ("postgres@pollux:/var/lib/pgpair/snapshots", "postgres@pollux:/var/lib/pgpair/snapshots/staging/"),
            ("/tmp/snapshots", "/tmp/snapshots/staging/"),
        ])
    func staging(destination: String, staging: String) {
        #expect(Self.arguments(destination: destination).staging == staging)
    }

    @Test("clearing staging removes only the marker, backup_label and tablespace_map")
    func clearing() {
        let arguments = Self.arguments(passwordFile: nil).clearStaging(emptyDirectory: "/tmp/work/empty")
        #expect(
            arguments == [
                "-r", "--delete", "--stats", "--no-human-readable", "--include=/pgpair_snapshot.json",
                "--include=/backup_label", "--include=/tablespace_map", "--exclude=*", "/tmp/work/empty/",
                "pollux::pgpair-staging/staging/",
            ])
    }

    @Test("adding files follows links and deletes nothing")
    func adding() {
        let arguments = Self.arguments().addFiles(from: "/tmp/work/extras")
        #expect(arguments.contains("--copy-links"))
        #expect(!arguments.contains { $0.hasPrefix("--delete") })
    }

    @Test("ssh options become one -e word list, quoted where rsync would split them")
    func remoteShell() throws {
        let arguments = Self.arguments(
            destination: "postgres@pollux:/var/lib/pgpair/snapshots", passwordFile: nil,
            ssh: ["-i", "/etc/pgpair/sync key", "-o", "UserKnownHostsFile=/etc/pgpair/known_hosts"]
        ).copyData()
        let index = try #require(arguments.firstIndex(of: "-e"))
        #expect(
            arguments[index + 1]
                == "ssh -i '/etc/pgpair/sync key' -o UserKnownHostsFile=/etc/pgpair/known_hosts")
    }

    @Test("the settings from ha.cf: pgdata, rsync_target, the password file for a daemon, the default conninfo")
    func fromConfiguration() throws {
        var configuration = HAConfiguration(
            nodes: ["castor", "pollux"], localNode: "castor", peerNode: "pollux", media: [])
        configuration.postgres = PostgresSettings(
            dataDirectory: "/srv/pg", port: 5433, user: "postgres", passfile: "/etc/pgpair/pgpass")
        configuration.sync.rsyncTarget = RsyncLocation(
            transport: .daemon, user: nil, host: "pollux", port: nil, module: "pgpair-staging", path: "",
            written: "pollux::pgpair-staging")
        configuration.sync.rsyncPasswordFile = "/etc/pgpair/rsync.secret"
        let settings = try #require(RsyncRoundSettings(configuration: configuration, epoch: 3))
        #expect(settings.destination == "pollux::pgpair-staging" && settings.rsyncPasswordFile != nil)
        #expect(
            settings.sessionConninfo
                == "connect_timeout='10' passfile='/etc/pgpair/pgpass' port=5433 dbname=postgres user='postgres'")
    }

    @Test("passfile reaches a URI conninfo as a parameter, unless it sets its own")
    func uriConninfo() {
        var settings = RsyncRoundSettings(
            dataDirectory: "/var/lib/postgresql/15/main", destination: "pollux::pgpair-staging", conninfo: "",
            node: "castor")
        settings.passfile = "/etc/pgpair/pgpass"
        settings.conninfo = "postgresql://pgpair@localhost/postgres?connect_timeout=3"
        #expect(
            settings.sessionConninfo
                == "postgresql://pgpair@localhost/postgres?connect_timeout=3&passfile=/etc/pgpair/pgpass")
    }
}
