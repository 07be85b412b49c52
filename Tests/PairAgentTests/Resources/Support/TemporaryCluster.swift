import Foundation
import Logging
import PairCore
import PairTestSupport
import Testing

@testable import PairAgent

/// A PostgreSQL cluster initdb'd (as postgres: the server refuses root) in a temporary directory, not started;
/// the tests start it through ``ServerPostgresControl``. It listens only on a unix socket in that directory.
struct TemporaryCluster {
    static let binDirectory = "/usr/lib/postgresql/15/bin"
    let directory: Scratch
    let port: UInt16

    var pgdata: String { "\(directory.path)/pgdata" }
    var conninfo: String { "host='\(directory.path)' port=\(port) dbname=postgres user=postgres" }

    /// initdb's a cluster; `socketDirectory` shares another cluster's socket directory.
    static func make(port: UInt16 = 5432) async throws -> TemporaryCluster {
        let directory = try Scratch("pgpair-restest-pg", ownedByPostgres: true)
        let initdb = try await SubprocessRunner().run(
            ProcessCommand(
                "/usr/bin/setpriv",
                [
                    "--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--",
                    "\(binDirectory)/initdb", "--pgdata=\(directory.path)/pgdata", "--username=postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions", "--no-sync",
                ], timeout: .seconds(180)))
        #expect(initdb.succeeded, "initdb failed: \(initdb.output)")
        return TemporaryCluster(directory: directory, port: port)
    }

    /// The control, with the server's settings on its command line; `socketDirectory` defaults to the cluster's.
    func control(
        socketDirectory: String? = nil, extraOptions: [String] = [], timeout: Duration = .seconds(120)
    ) -> ServerPostgresControl {
        let settings = PostgresSettings(
            dataDirectory: pgdata, binDirectory: Self.binDirectory, port: port, user: "postgres",
            conninfo: conninfo,
            serverOptions: [
                "-c", "listen_addresses=", "-c", "unix_socket_directories=\(socketDirectory ?? directory.path)",
            ]
                + extraOptions)
        let options = ServerPostgresControl.Options(
            settings: settings, logFile: "\(directory.path)/postgresql.log", timeout: timeout)
        let probe = LibPQPostgresProbe(
            conninfo: "host='\(socketDirectory ?? directory.path)' port=\(port) dbname=postgres user=postgres",
            passfile: nil)
        return ServerPostgresControl(options: options, probe: probe, logger: Logger(label: "test"))
    }

    /// The running postmaster's PID, if any.
    var postmaster: Int32? { PostmasterPID.running(dataDirectory: pgdata)?.pid }

    /// Stops whatever still runs (by the PID this cluster's postmaster.pid names) and removes the directory.
    func remove() async {
        if let pid = postmaster {
            kill(pid, SIGQUIT)
            for _ in 0..<500 where PostmasterPID.isPostgres(pid) { try? await Task.sleep(for: .milliseconds(20)) }
        }
        directory.remove()
    }
}

extension TemporaryCluster {
    /// Makes a cluster, runs `body` with it, and removes it whether `body` returns or throws.
    static func with<Result>(
        port: UInt16 = 5432, _ body: (TemporaryCluster) async throws -> Result
    ) async throws -> Result {
        let cluster = try await make(port: port)
        do {
            let result = try await body(cluster)
            await cluster.remove()
            return result
        } catch {
            await cluster.remove()
            throw error
        }
    }
}
