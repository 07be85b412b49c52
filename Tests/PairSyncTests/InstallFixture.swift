import Foundation
import PairPostgres
import PairTestSupport
import Testing

@testable import PairSync

/// A scratch area for install tests: `snapshots/` (a snapshot_dir), `pgdata` (the data directory), and one stopped
/// PostgreSQL cluster (`source/`) whose copies become snapshots and data directories; all owned by postgres.
struct InstallFixture {
    static let binDirectory = TestCluster.binDirectory
    let scratch: Scratch
    let port: UInt16

    var snapshotDirectory: String { "\(scratch.path)/snapshots" }
    var dataDirectory: String { "\(scratch.path)/pgdata" }
    var source: String { "\(scratch.path)/source" }
    var settings: InstallSettings {
        InstallSettings(
            dataDirectory: dataDirectory, snapshotDirectory: snapshotDirectory, owner: "postgres",
            binDirectory: Self.binDirectory, lockfile: "\(scratch.path)/sync.lock")
    }

    /// The area, with an initdb'd (stopped) source cluster holding table `t` with `rows` rows.
    static func make(port: UInt16, rows: Int = 1) async throws -> InstallFixture {
        let fixture = InstallFixture(scratch: try Scratch("pgpair-installtest", ownedByPostgres: true), port: port)
        try FileManager.default.createDirectory(atPath: fixture.snapshotDirectory, withIntermediateDirectories: false)
        let initdb = try await run(
            "\(binDirectory)/initdb",
            [
                "--pgdata=\(fixture.source)", "--username=postgres", "--auth=trust", "--encoding=UTF8", "--locale=C",
                "--no-instructions", "--no-sync",
            ], asPostgres: true)
        try #require(initdb.status == 0, "initdb: \(initdb.output)")
        try await fixture.write(rows: rows, in: fixture.source, creating: true)
        return fixture
    }

    func remove() {
        scratch.remove()
    }

    /// Starts a server on `directory`, runs `body` with a connection, and stops it cleanly (fast shutdown).
    func withServer<Result>(
        on directory: String, _ body: (PostgresConnection) throws -> Result
    ) async throws -> Result {
        let options =
            "-c port=\(port) -c listen_addresses= -c unix_socket_directories=\(scratch.path) -c autovacuum=off"
        let start = try await run(
            "\(Self.binDirectory)/pg_ctl",
            ["-D", directory, "-l", "\(scratch.path)/server.log", "-w", "-t", "120", "-o", options, "start"],
            asPostgres: true)
        let log = (try? String(contentsOfFile: "\(scratch.path)/server.log", encoding: .utf8)) ?? ""
        try #require(start.status == 0, "pg_ctl start: \(start.output)\n\(log.suffix(2000))")
        defer {
            // A clean stop, always: the test's processes end with it.
            let stop = Process()
            stop.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            stop.arguments = [
                "--reuid=postgres", "--regid=postgres", "--init-groups", "--", "\(Self.binDirectory)/pg_ctl", "-D",
                directory, "-m", "fast", "-w", "stop",
            ]
            try? stop.run()
            stop.waitUntilExit()
        }
        let connection = try PostgresConnection(
            conninfo: "host='\(scratch.path)' port=\(port) dbname=postgres user=postgres")
        defer { connection.close() }
        return try body(connection)
    }

    /// Adds `rows` rows to `t` in the cluster at `directory` (creating the table first when asked).
    func write(rows: Int, in directory: String, creating: Bool = false) async throws {
        try await withServer(on: directory) { connection in
            if creating {
                try connection.query("CREATE TABLE t (id serial PRIMARY KEY, payload text)")
            }
            try connection.query(
                "INSERT INTO t (payload) SELECT repeat('x', 200) FROM generate_series(1, \(rows))")
        }
    }

    /// How many rows `t` holds in the cluster at `directory`.
    func rowCount(in directory: String) async throws -> Int {
        try await withServer(on: directory) { connection in
            Int(try connection.query("SELECT count(*) FROM t").scalar ?? "") ?? -1
        }
    }

    /// Publishes the stopped source cluster as snapshot `sequence` of `epoch`, hard-linking unchanged files to
    /// `linkDest` (another snapshot's name) as a round does; points `latest` at it.
    @discardableResult
    func publishSource(
        sequence: Int, epoch: UInt64?, linkDest: String? = nil, dumpallStop: WALPosition? = nil
    ) async throws -> Snapshot {
        let name = Snapshot.name(sequence: sequence, publishedAt: Date())
        let path = "\(snapshotDirectory)/\(name)"
        let link = linkDest.map { ["--link-dest=\(snapshotDirectory)/\($0)/"] } ?? []
        let copy = try await run("/usr/bin/rsync", ["-a"] + link + ["\(source)/", "\(path)/"])
        try #require(copy.status == 0, "rsync: \(copy.output)")
        let control = try await DataDirectoryControlData.read(path, binDirectory: Self.binDirectory)
        let marker =
            if let dumpallStop {
                SnapshotMarker.dumpall(
                    round: "test-\(sequence)", node: "castor", epoch: epoch, sourceStart: dumpallStop,
                    sourceStop: dumpallStop, startedAt: Date(), completedAt: Date())
            } else {
                SnapshotMarker(
                    round: "test-\(sequence)", node: "castor", epoch: epoch, label: "test",
                    startPosition: control.redo, stopPosition: control.checkpoint, walFiles: [],
                    walSegmentSize: 16 << 20, startedAt: Date(), completedAt: Date())
            }
        try marker.encoded().write(toFile: "\(path)/\(SnapshotMarker.fileName)", atomically: false, encoding: .utf8)
        _ = unlink("\(snapshotDirectory)/latest")
        _ = symlink(name, "\(snapshotDirectory)/latest")
        return Snapshot(name: name, path: path, sequence: sequence, marker: marker)
    }

    /// Copies the stopped source cluster to the data directory, recording `epoch` in it when given.
    func copySourceToDataDirectory(epoch: UInt64?) async throws {
        let copy = try await run("/usr/bin/cp", ["-a", source, dataDirectory])
        try #require(copy.status == 0, "cp: \(copy.output)")
        if let epoch {
            try DataDirectoryEpoch.record(epoch, in: dataDirectory, owner: "postgres")
        }
    }

    /// The names in the scratch area that start with `prefix`.
    func entries(startingWith prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The regular files under `directory` whose link count is above one.
    static func sharedFiles(in directory: String) -> [String] {
        var shared: [String] = []
        let walk = FileManager.default.enumerator(atPath: directory)
        while let relative = walk?.nextObject() as? String {
            var status = stat()
            if lstat("\(directory)/\(relative)", &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
                status.st_nlink > 1
            {
                shared.append(relative)
            }
        }
        return shared
    }
}
