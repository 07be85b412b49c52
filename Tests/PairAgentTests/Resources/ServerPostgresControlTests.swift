import Foundation
import Logging
import PairCore
import Testing

@testable import PairAgent

@Suite("ServerPostgresControl")
struct ServerPostgresControlTests {
    @Test("start returns once the server accepts connections; stop makes status report stopped; both idempotent")
    func startStatusStop() async throws {
        try await TemporaryCluster.with { cluster in
            let control = cluster.control()
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .stopped)
            try await control.start(dataDirectory: cluster.pgdata)
            // Ready means ready: a query succeeds at once, with no waiting in between.
            let answer = try await SubprocessRunner().run(
                ProcessCommand(
                    "\(TemporaryCluster.binDirectory)/psql",
                    ["-X", "-A", "-t", "-d", cluster.conninfo, "-c", "SELECT current_setting('port')"],
                    timeout: .seconds(30)))
            #expect(answer.output == "\(cluster.port)\n", "\(answer.summary)")
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .running)
            let pid = try #require(cluster.postmaster)
            try await control.start(dataDirectory: cluster.pgdata)
            #expect(cluster.postmaster == pid)

            try await control.stop(dataDirectory: cluster.pgdata)
            #expect(cluster.postmaster == nil)
            #expect(!processRuns(pid))
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .stopped)
            try await control.stop(dataDirectory: cluster.pgdata)
        }
    }

    @Test("a start with a bad option fails, quotes the server's complaint, and leaves nothing running")
    func badOption() async throws {
        try await TemporaryCluster.with { cluster async throws in
            let control = cluster.control(extraOptions: ["-c", "no_such_setting=1"])
            let error = await #expect(throws: ResourceError.self) {
                try await control.start(dataDirectory: cluster.pgdata)
            }
            #expect(error?.message.contains("exited during start") == true)
            #expect(error?.message.contains("no_such_setting") == true, "\(error?.message ?? "")")
            #expect(cluster.postmaster == nil)
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .stopped)
        }
    }

    @Test("a start whose socket is taken by another server fails, and the other server is not taken for ours")
    func socketInUse() async throws {
        let first = try await TemporaryCluster.make()
        let second = try await TemporaryCluster.make()
        do {
            try await first.control().start(dataDirectory: first.pgdata)
            let clash = second.control(socketDirectory: first.directory.path)
            // The clashing cluster's probe reaches the first server, which accepts connections: still a failure.
            let error = await #expect(throws: ResourceError.self) {
                try await clash.start(dataDirectory: second.pgdata)
            }
            #expect(error?.message.contains("exited during start") == true, "\(error?.message ?? "")")
            #expect(second.postmaster == nil)
            #expect(try await first.control().status(dataDirectory: first.pgdata) == .running)
        } catch {
            await first.remove()
            await second.remove()
            throw error
        }
        await first.remove()
        await second.remove()
    }

    @Test("after kill -9 of the postmaster status reports stopped, stop succeeds and a new start works")
    func killedPostmaster() async throws {
        try await TemporaryCluster.with { cluster in
            let control = cluster.control()
            try await control.start(dataDirectory: cluster.pgdata)
            let pid = try #require(cluster.postmaster)
            kill(pid, SIGKILL)
            for _ in 0..<500 where processRuns(pid) { try await Task.sleep(for: .milliseconds(10)) }
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .stopped)
            try await control.stop(dataDirectory: cluster.pgdata)
            // The killed postmaster's backends notice its death and leave; then the cluster starts again.
            try await control.start(dataDirectory: cluster.pgdata)
            #expect(try await control.status(dataDirectory: cluster.pgdata) == .running)
            try await control.stop(dataDirectory: cluster.pgdata)
        }
    }

    @Test("a start that is not ready within the timeout fails and leaves nothing running")
    func notReadyInTime() async throws {
        try await TemporaryCluster.with { cluster in
            // The probe asks a socket directory where no server listens, so the server never looks ready.
            let settings = PostgresSettings(
                dataDirectory: cluster.pgdata, binDirectory: TemporaryCluster.binDirectory, port: cluster.port,
                user: "postgres",
                serverOptions: ["-c", "listen_addresses=", "-c", "unix_socket_directories=\(cluster.directory.path)"])
            let control = ServerPostgresControl(
                options: .init(
                    settings: settings, logFile: "\(cluster.directory.path)/postgresql.log", timeout: .seconds(2)),
                probe: LibPQPostgresProbe(conninfo: "host=/nonexistent port=\(cluster.port)", passfile: nil),
                logger: Logger(label: "test"))
            let error = await #expect(throws: ResourceError.self) {
                try await control.start(dataDirectory: cluster.pgdata)
            }
            #expect(error?.code == .timedOut)
            #expect(cluster.postmaster == nil)
        }
    }

    @Test("pgsql through a group: installs (hook), starts, checks and stops")
    func pgsqlResourceInGroup() async throws {
        try await TemporaryCluster.with { cluster in
            let installer = RecordingInstaller()
            let resource = PostgresResource(
                name: "pgsql", dataDirectory: cluster.pgdata, control: cluster.control(), installer: installer)
            let group = GroupRunner(
                name: "pgsql", resources: [resource], timeout: .seconds(120), logger: Logger(label: "t"))
            #expect(await group.start() == .succeeded)
            #expect(await group.check() == .succeeded)
            #expect(await group.start() == .succeeded)
            #expect(installer.directories == [cluster.pgdata])
            #expect(await group.stop() == .succeeded)
            #expect(await group.check() == .failed("pgsql is not running"))
        }
    }
}

extension ServerPostgresControlTests {
    @Test("a fast shutdown that hangs becomes an immediate one, and the stop succeeds")
    func escalation() async throws {
        try await TemporaryCluster.with { cluster in
            let settings = PostgresSettings(
                dataDirectory: cluster.pgdata, binDirectory: TemporaryCluster.binDirectory, port: cluster.port,
                user: "postgres",
                serverOptions: ["-c", "listen_addresses=", "-c", "unix_socket_directories=\(cluster.directory.path)"])
            let control = ServerPostgresControl(
                options: .init(
                    settings: settings, logFile: "\(cluster.directory.path)/postgresql.log", timeout: .seconds(60),
                    fastShutdownTimeout: .milliseconds(500)),
                probe: LibPQPostgresProbe(conninfo: cluster.conninfo, passfile: nil),
                logger: Logger(label: "test"))
            try await control.start(dataDirectory: cluster.pgdata)
            let postmaster = try #require(cluster.postmaster)
            // A fast shutdown waits for the checkpointer's shutdown checkpoint: a stopped checkpointer never writes it.
            let checkpointer = try #require(childProcess(of: postmaster, titled: "checkpointer"))
            kill(checkpointer, SIGSTOP)
            try await control.stop(dataDirectory: cluster.pgdata)
            #expect(cluster.postmaster == nil)
            let log = cluster.directory.read("postgresql.log")
            let fast = try #require(log.range(of: "received fast shutdown request"))
            let immediate = try #require(log.range(of: "received immediate shutdown request"))
            #expect(fast.lowerBound < immediate.lowerBound)
            #expect(!processRuns(checkpointer))
        }
    }

    /// The child of `parent` whose process title (`postgres: checkpointer`) contains `title`.
    private func childProcess(of parent: Int32, titled title: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).first { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, Int32(fields[1]) == parent else { return false }
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(title)
        }
    }
}
