import Foundation
import PairPostgres
import Subprocess
import Testing

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// What the `pgpair sync` tests share: a node's files in a scratch directory and a PostgreSQL cluster of the
/// test's own (run as postgres). The rsync daemon they sync to is PairTestSupport's `LoopbackRsyncDaemon`.
enum SyncTestSupport {
    static let binDirectory = "/usr/lib/postgresql/15/bin"

    /// Runs a helper program to its end: exit status and combined output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], asPostgres: Bool = false) async throws -> (
        status: Int32, output: String
    ) {
        let command =
            asPostgres
            ? (
                "/usr/bin/setpriv",
                ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable] + arguments
            )
            : (executable, arguments)
        let result = try await Subprocess.run(
            .path(FilePath(command.0)), arguments: Arguments(command.1), workingDirectory: FilePath("/tmp"),
            output: .string(limit: 1 << 20), error: .combinedWithOutput)
        switch result.terminationStatus {
        case .exited(let code): return (code, result.standardOutput)
        case .signaled(let signal): return (128 + signal, result.standardOutput)
        }
    }

    /// A directory of the test's own, owned by postgres when asked.
    static func scratch(_ prefix: String, ownedByPostgres: Bool = false) throws -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
        let path = try #require(made)
        if ownedByPostgres {
            let postgres = try #require(getpwnam("postgres")?.pointee)
            chown(path, postgres.pw_uid, postgres.pw_gid)
        }
        return path
    }

    /// A PostgreSQL cluster listening only on a unix socket in its directory.
    struct Cluster {
        let directory: String
        let port: Int
        var pgdata: String { "\(directory)/pgdata" }
        var conninfo: String { "host=\(directory) port=\(port) dbname=postgres user=postgres" }

        static func start() async throws -> Cluster {
            let cluster = Cluster(
                directory: try scratch("pgpair-synccmd-pg", ownedByPostgres: true),
                port: Int.random(in: 30_000...39_999))
            let initdb = try await run(
                "\(binDirectory)/initdb",
                [
                    "--pgdata=\(cluster.pgdata)", "--username=postgres", "--auth=trust", "--encoding=UTF8",
                    "--locale=C", "--no-instructions", "--no-sync",
                ], asPostgres: true)
            try #require(initdb.status == 0, "initdb: \(initdb.output)")
            let options =
                "-c port=\(cluster.port) -c listen_addresses= -c unix_socket_directories=\(cluster.directory) "
                + "-c autovacuum=off"
            let start = try await run(
                "\(binDirectory)/pg_ctl",
                [
                    "-D", cluster.pgdata, "-l", "\(cluster.directory)/server.log", "-w", "-t", "120", "-o", options,
                    "start",
                ],
                asPostgres: true)
            try #require(start.status == 0, "pg_ctl start: \(start.output)")
            return cluster
        }

        @discardableResult
        func query(_ sql: String) throws -> QueryResult {
            let connection = try PostgresConnection(conninfo: conninfo)
            defer { connection.close() }
            return try connection.query(sql, [])
        }

        func stop() async {
            _ = try? await run("\(binDirectory)/pg_ctl", ["-D", pgdata, "-m", "fast", "-w", "stop"], asPostgres: true)
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The PIDs of the rsync processes whose command line holds `text`.
    static func rsyncProcesses(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let words = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard words.first?.hasSuffix("rsync") == true, words.contains(where: { $0.contains(text) }) else {
                return nil
            }
            return pid
        }
    }

    /// Every regular file under `directory` with its SHA-256, by relative path.
    static func checksums(of directory: String) async throws -> [String: String] {
        let (status, output) = try await run(
            "/usr/bin/find", [directory, "-type", "f", "-exec", "/usr/bin/sha256sum", "{}", "+"])
        #expect(status == 0, "find/sha256sum: \(output.suffix(300))")
        var sums: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let path = parts[1].drop { $0 == " " || $0 == "*" }
            sums[String(path.dropFirst(directory.count + 1))] = String(parts[0])
        }
        return sums
    }
}
