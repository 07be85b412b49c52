import Logging
import PairCore
import Testing

@testable import PairSync

/// The pull of the peer's data directory as rsync is told it: the password only through its file, unchanged files
/// linked to the newest snapshot, the postmaster's own files left out, a connect timeout only for a daemon.
@Suite("the peer copy's rsync arguments")
struct PeerCopyFetchTests {
    static func fetch(location: String, passwordFile: String?, sshOptions: [String] = []) -> PeerCopyFetch {
        PeerCopyFetch(
            source: PeerDataSource(
                location: location, passwordFile: passwordFile, sshOptions: sshOptions, pingHost: "198.18.1.2",
                pingPort: 5432),
            store: SnapshotStore(directory: "/var/lib/pgpair/snapshots", owner: "postgres"), binDirectory: nil,
            logger: Logger(label: "pgpair.test"))
    }

    @Test("a daemon module: password file, link-dest to latest, the postmaster's files excluded, into peer-copy")
    func daemonModule() {
        let arguments = Self.fetch(location: "pgpair@pollux::pgpair-data", passwordFile: "/etc/pgpair/rsync.secret")
            .arguments()
        #expect(arguments.contains("--password-file=/etc/pgpair/rsync.secret"))
        #expect(arguments.contains("--link-dest=../latest/") && arguments.contains("--modify-window=-1"))
        #expect(arguments.contains("--exclude=/postmaster.pid") && arguments.contains("--exclude=/postmaster.opts"))
        #expect(arguments.contains("--contimeout=10"))
        #expect(!arguments.contains { $0.contains("pg_wal") }, "a stopped cluster needs its shutdown checkpoint's WAL")
        #expect(Array(arguments.suffix(2)) == ["pgpair@pollux::pgpair-data/", "/var/lib/pgpair/snapshots/peer-copy/"])
    }

    @Test("an ssh path: the remote shell with rsync_ssh_options, no daemon connect timeout")
    func sshPath() {
        let arguments = Self.fetch(
            location: "root@pollux:/var/lib/postgresql/15/main/", passwordFile: nil,
            sshOptions: ["-i", "/etc/pgpair/sync_key"]
        ).arguments()
        #expect(arguments.contains("-e") && arguments.contains("ssh -i /etc/pgpair/sync_key"))
        #expect(!arguments.contains("--contimeout=10"))
        let ends = ["root@pollux:/var/lib/postgresql/15/main/", "/var/lib/pgpair/snapshots/peer-copy/"]
        #expect(Array(arguments.suffix(2)) == ends)
    }

    @Test("the ping names the peer's host and pg_port, with a short connect timeout and no password")
    func pingConninfo() {
        let conninfo = Self.fetch(location: "pollux::pgpair-data", passwordFile: "/etc/pgpair/rsync.secret").source
            .pingConninfo
        #expect(conninfo == "host='198.18.1.2' port='5432' connect_timeout='3'")
    }
}
