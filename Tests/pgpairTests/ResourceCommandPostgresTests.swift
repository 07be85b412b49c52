import Foundation
import Testing

/// `pgpair resource` on a `pgsql` group against a real cluster: initdb'd here as postgres (the server refuses root),
/// started by pgpair with the node's settings from ha.cf on the command line, on a unix socket of its own.
@Suite("pgpair resource pgsql")
struct ResourceCommandPostgresTests {
    static let binDirectory = "/usr/lib/postgresql/15/bin"

    @Test("start returns with the server answering; status 0; stop; status 3; the cluster runs on after pgpair exits")
    func lifecycle() async throws {
        let directory = try ConfigDirectory()
        let cluster = directory.path + "/cluster"
        try FileManager.default.createDirectory(atPath: cluster, withIntermediateDirectories: true)
        let postgres = try #require(getpwnam("postgres")?.pointee)
        chown(cluster, postgres.pw_uid, postgres.pw_gid)
        chmod(cluster, 0o700)
        let initdb = try await run(
            "/usr/bin/setpriv",
            [
                "--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--",
                "\(Self.binDirectory)/initdb", "--pgdata=\(cluster)/pgdata", "--username=postgres", "--auth=trust",
                "--no-instructions", "--no-sync",
            ])
        try #require(initdb == 0)
        try directory.write(
            "ha.cf",
            """
            node castor
            node pollux
            ucast lo 198.18.0.2
            state_dir \(directory.path)/state
            control_socket \(directory.path)/pgpair.sock
            pgdata \(cluster)/pgdata
            pg_bindir \(Self.binDirectory)
            pg_port 5433
            pg_conninfo host=\(cluster) port=5433 dbname=postgres user=postgres
            pg_options -c listen_addresses= -c unix_socket_directories=\(cluster) -c cluster_name=castor
            """)
        try directory.write("haresources", "castor pgsql\n")
        func resource(_ action: String) async throws -> PgpairProcess.Outcome {
            try await PgpairProcess.run([
                "resource", action, "pgsql", "--config-dir", directory.path, "--node", "castor",
            ])
        }
        defer { stopLeftover(pgdata: "\(cluster)/pgdata") }

        #expect(try await resource("status").status == 3)
        let start = try await resource("start")
        #expect(start.status == 0, "\(start)")
        // pgpair has exited; the server it started answers at once, with the node's settings.
        let name = try await query("SHOW cluster_name", socket: cluster)
        #expect(name == "castor")
        #expect(try await resource("start").status == 0)
        let status = try await resource("status")
        #expect(status.status == 0, "\(status)")
        #expect(try await resource("stop").status == 0)
        #expect(try await resource("status").status == 3)
        #expect(try await resource("stop").status == 0)
        #expect(FileManager.default.fileExists(atPath: "\(directory.path)/state/postgresql.log"))
    }

    private func query(_ sql: String, socket: String) async throws -> String {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(Self.binDirectory)/psql")
        process.arguments = [
            "-X", "-A", "-t", "-h", socket, "-p", "5433", "-U", "postgres", "-d", "postgres", "-c", sql,
        ]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func run(_ executable: String, _ arguments: [String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Ends a server the test left running (by the PID in its postmaster.pid), so a failed test leaves nothing.
    private func stopLeftover(pgdata: String) {
        guard let text = try? String(contentsOfFile: "\(pgdata)/postmaster.pid", encoding: .utf8),
            let pid = text.split(separator: "\n").first.flatMap({ Int32($0) }),
            let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8),
            command.hasPrefix("postgres")
        else { return }
        kill(pid, SIGQUIT)
        for _ in 0..<500 where kill(pid, 0) == 0 { usleep(20_000) }
    }
}
