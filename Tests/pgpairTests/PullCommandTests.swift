import Foundation
import PairTestSupport
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// `pgpair pull` against real directories: a cluster initdb'd here as postgres, snapshots published by hand (a copy
/// of a stopped cluster with a completion marker), and the built binary.
@Suite("pgpair pull", .serialized)
struct PullCommandTests {
    static let binDirectory = "/usr/lib/postgresql/15/bin"

    /// A configuration directory with a pgsql group on `area/pgdata` and, when asked, `area/snapshots`.
    private func configure(_ area: String, snapshots: Bool) throws -> ConfigDirectory {
        let directory = try ConfigDirectory()
        try directory.write(
            "ha.cf",
            """
            node castor
            node pollux
            ucast lo 198.18.0.2
            state_dir \(area)/state
            control_socket \(area)/pgpair.sock
            pgdata \(area)/pgdata
            pg_bindir \(Self.binDirectory)
            pg_port 5434
            sync_lockfile \(area)/sync.lock
            """ + (snapshots ? "\nsnapshot_dir \(area)/snapshots\n" : "\n"))
        try directory.write("haresources", "castor pgsql\n")
        return directory
    }

    /// `configure` with snapshots, plus rsync sync whose `rsync_source` is `daemon`'s export of the peer's data.
    private func configure(_ area: String, peer daemon: LoopbackRsyncDaemon) throws -> ConfigDirectory {
        let directory = try configure(area, snapshots: true)
        let haCf = try String(contentsOfFile: "\(directory.path)/ha.cf", encoding: .utf8)
        try directory.write(
            "ha.cf",
            haCf + """
                sync_method rsync
                rsync_target \(daemon.module)
                rsync_source \(daemon.dataModule)
                rsync_password_file \(daemon.passwordFile)

                """)
        return directory
    }

    private func pull(_ directory: ConfigDirectory) async throws -> PgpairProcess.Outcome {
        try await PgpairProcess.run(["pull", "--config-dir", directory.path, "--node", "castor"])
    }

    @Test("nothing to do without snapshot_dir, and with an empty one: exit 0, the data directory untouched")
    func nothingToDo() async throws {
        let area = try Area()
        defer { area.remove() }
        try await area.initdb("pgdata")
        let without = try await pull(try configure(area.path, snapshots: false))
        #expect(without.status == 0, "\(without)")
        #expect(without.standardOutput.contains("nothing to do"))
        try FileManager.default.createDirectory(atPath: "\(area.path)/snapshots", withIntermediateDirectories: false)
        let empty = try await pull(try configure(area.path, snapshots: true))
        #expect(empty.status == 0, "\(empty)")
        #expect(empty.standardOutput.contains("kept the data directory"), "\(empty)")
        #expect(area.entries(startingWith: "pgdata.replaced-").isEmpty)
    }

    @Test("a newer snapshot is installed, the old data directory set aside; a second pull has nothing to do")
    func installsANewerSnapshot() async throws {
        let area = try Area()
        defer { area.remove() }
        try await area.initdb("pgdata")
        try await area.initdb("source")
        let name = try await area.publish("source", sequence: 1, epoch: 1)
        let directory = try configure(area.path, snapshots: true)

        let first = try await pull(directory)
        #expect(first.status == 0, "\(first)")
        #expect(first.standardOutput.contains("installed \(name)"), "\(first)")
        #expect(area.entries(startingWith: "pgdata.replaced-").count == 1)
        #expect(FileManager.default.fileExists(atPath: "\(area.path)/pgdata/pgpair_snapshot.json"))
        #expect(!FileManager.default.fileExists(atPath: "\(area.path)/snapshots/\(name)"))

        let second = try await pull(directory)
        #expect(second.status == 0, "\(second)")
        #expect(second.standardOutput.contains("kept the data directory"), "\(second)")
        #expect(area.entries(startingWith: "pgdata.replaced-").count == 1)
    }

    @Test("refused with exit 1 while PostgreSQL runs on the data directory; nothing is moved")
    func refusedWhilePostgresRuns() async throws {
        let area = try Area()
        defer { area.remove() }
        try await area.initdb("pgdata")
        try await area.initdb("source")
        let name = try await area.publish("source", sequence: 1, epoch: 1)
        let directory = try configure(area.path, snapshots: true)
        let options = "-c port=5434 -c listen_addresses= -c unix_socket_directories=\(area.path)"
        #expect(
            try await area.runAsPostgres(
                "pg_ctl", ["-D", "\(area.path)/pgdata", "-l", "\(area.path)/server.log", "-w", "-o", options, "start"])
                == 0)
        let outcome: PgpairProcess.Outcome
        do {
            outcome = try await pull(directory)
        } catch {
            await area.stopServer("pgdata")
            throw error
        }
        await area.stopServer("pgdata")

        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.standardError.contains("PostgreSQL runs on"), "\(outcome)")
        #expect(FileManager.default.fileExists(atPath: "\(area.path)/snapshots/\(name)"))
        #expect(area.entries(startingWith: "pgdata.replaced-").isEmpty)
    }
}

extension PullCommandTests {
    @Test("a cleanly stopped peer directory is installed; an answering peer's is not, a pull round fetches it")
    func pullsACleanlyStoppedPeer() async throws {
        let area = try Area()
        defer { area.remove() }
        try await area.initdb("pgdata")
        let copy = try Process.run(
            URL(fileURLWithPath: "/usr/bin/cp"), arguments: ["-a", "\(area.path)/pgdata", "\(area.path)/peer"])
        copy.waitUntilExit()
        try #require(copy.terminationStatus == 0)
        try "1\n".write(toFile: "\(area.path)/peer/pgpair_data_epoch", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "\(area.path)/snapshots", withIntermediateDirectories: false)
        let daemon = try await LoopbackRsyncDaemon.start(
            serving: "\(area.path)/snapshots", exporting: "\(area.path)/peer")
        defer { daemon.stop() }
        let directory = try configure(area.path, peer: daemon)

        let first = try await pull(directory)
        #expect(first.status == 0, "\(first)")
        #expect(first.standardOutput.contains("installed the peer's data directory"), "\(first)")
        #expect(area.entries(startingWith: "pgdata.replaced-").count == 1)
        #expect(
            (try? String(contentsOfFile: "\(area.path)/pgdata/pgpair_data_epoch", encoding: .utf8))?.hasPrefix("1")
                == true)

        // The peer's PostgreSQL runs (it is active): its directory is not taken as it is. A pull round fetches a
        // fresh snapshot of its running cluster (epoch 2, newer), which is installed; then a round that cannot log
        // in fails, is reported, and the pull still succeeds with nothing moved.
        try "2\n".write(toFile: "\(area.path)/peer/pgpair_data_epoch", atomically: false, encoding: .utf8)
        let options = "-c port=5434 -c listen_addresses=127.0.0.1 -c unix_socket_directories=\(area.path)"
        #expect(
            try await area.runAsPostgres(
                "pg_ctl", ["-D", "\(area.path)/peer", "-l", "\(area.path)/peer.log", "-w", "-o", options, "start"])
                == 0)
        let second: PgpairProcess.Outcome
        let third: PgpairProcess.Outcome
        do {
            second = try await pull(directory)
            let haCf = try String(contentsOfFile: "\(directory.path)/ha.cf", encoding: .utf8)
            try directory.write("ha.cf", haCf + "pg_conninfo dbname=postgres user=no_such_role\n")
            third = try await pull(directory)
        } catch {
            await area.stopServer("peer")
            throw error
        }
        await area.stopServer("peer")
        #expect(second.status == 0, "\(second)")
        #expect(second.standardOutput.contains("the peer's PostgreSQL answers"), "\(second)")
        #expect(second.standardOutput.contains("from the active peer's running cluster ("), "\(second)")
        #expect(second.standardOutput.contains("installed snapshot-"), "\(second)")
        #expect(area.entries(startingWith: "pgdata.replaced-").count == 2)
        #expect(FileManager.default.fileExists(atPath: "\(area.path)/pgdata/backup_label"), "a base backup's copy")
        #expect(
            (try? String(contentsOfFile: "\(area.path)/pgdata/pgpair_data_epoch", encoding: .utf8))?.hasPrefix("2")
                == true)
        #expect(third.status == 0, "\(third)")
        #expect(
            third.standardOutput.contains("fetching a fresh snapshot from the active peer's running cluster failed"),
            "\(third)")
        #expect(third.standardOutput.contains("kept the data directory"), "\(third)")
        #expect(area.entries(startingWith: "pgdata.replaced-").count == 2)
    }
}

/// A scratch directory owned by postgres for one test.
private struct Area {
    let scratch: Scratch
    var path: String { scratch.path }

    init() throws {
        scratch = try Scratch("pgpair-pulltest", ownedByPostgres: true)
    }

    func remove() {
        scratch.remove()
    }

    func entries(startingWith prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    func initdb(_ name: String) async throws {
        let status = try await runAsPostgres(
            "initdb",
            [
                "--pgdata=\(path)/\(name)", "--username=postgres", "--auth=trust", "--no-instructions", "--no-sync",
            ])
        try #require(status == 0)
    }

    /// Publishes a copy of the stopped cluster `name` as snapshot `sequence` of `epoch`, with a completion marker
    /// written as a round writes it; returns the snapshot's name.
    func publish(_ name: String, sequence: Int, epoch: UInt64) async throws -> String {
        let snapshots = "\(path)/snapshots"
        try? FileManager.default.createDirectory(atPath: snapshots, withIntermediateDirectories: false)
        let snapshot = "snapshot-20261121T102432Z-" + String(format: "%06d", sequence)
        try #require(try await run("/usr/bin/cp", ["-a", "\(path)/\(name)", "\(snapshots)/\(snapshot)"]) == 0)
        let marker = """
            {"completedAt":"2026-11-21T10:24:32Z","epoch":\(epoch),"format":1,"label":"pgpair test",\
            "node":"castor","round":"test-\(sequence)","startPosition":"0/0","startedAt":"2026-11-21T10:24:00Z",\
            "stopPosition":"0/0","walFiles":[],"walSegmentSize":16777216}
            """
        try marker.write(toFile: "\(snapshots)/\(snapshot)/pgpair_snapshot.json", atomically: false, encoding: .utf8)
        unlink("\(snapshots)/latest")
        symlink(snapshot, "\(snapshots)/latest")
        return snapshot
    }

    func runAsPostgres(_ program: String, _ arguments: [String]) async throws -> Int32 {
        try await run(
            "/usr/bin/setpriv",
            ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--"]
                + ["\(PullCommandTests.binDirectory)/\(program)"] + arguments)
    }

    func stopServer(_ name: String) async {
        _ = try? await runAsPostgres("pg_ctl", ["-D", "\(path)/\(name)", "-m", "fast", "-w", "stop"])
    }

    private func run(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        // Output discarded: a server pg_ctl starts keeps no pipe of ours open.
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(arguments), workingDirectory: FilePath("/tmp"),
            output: .discarded, error: .discarded)
        if case .exited(let status) = result.terminationStatus { return status }
        return -1
    }
}
