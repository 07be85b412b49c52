import Foundation
import PairTestSupport
import Testing

/// A PostgreSQL cluster of its own for a test suite: initdb'd in a temporary directory and started as the
/// postgres user, listening only on a unix socket in that directory (no TCP). Root runs the tests;
/// PostgreSQL refuses root, hence `setpriv`.
final class TemporaryPostgres: Sendable {
    @TaskLocal static var current: TemporaryPostgres?

    static let binDirectory = "/usr/lib/postgresql/15/bin"
    /// A role that logs in only with a password, for the redaction tests.
    static let passwordRole = "hunter2"
    static let passwordRolePassword = "correct-horse-battery"

    let directory: String
    let process: Process

    var pgdata: String { "\(directory)/pgdata" }
    var socketDirectory: String { directory }

    /// Connects as the trusted superuser through the socket.
    var conninfo: String { "host='\(socketDirectory)' port=5432 dbname=postgres user=postgres" }

    private init(directory: String, process: Process) {
        self.directory = directory
        self.process = process
    }

    static func start() async throws -> TemporaryPostgres {
        let directory = try Scratch("pgpair-pqtest", ownedByPostgres: true).path

        let initdb = try await runToEnd(
            asPostgres(
                [
                    "\(binDirectory)/initdb", "--pgdata=\(directory)/pgdata", "--username=postgres", "--auth=trust",
                    "--encoding=UTF8", "--locale=C", "--no-instructions",
                ], log: "\(directory)/initdb.log"))
        let initdbLog = (try? String(contentsOfFile: "\(directory)/initdb.log", encoding: .utf8)) ?? ""
        #expect(initdb == 0, "initdb failed: \(initdbLog)")

        // The password role must authenticate; everyone else is trusted on the socket.
        let hba = "\(directory)/pgdata/pg_hba.conf"
        let original = try String(contentsOfFile: hba, encoding: .utf8)
        try ("local all \(passwordRole) scram-sha-256\n" + original).write(
            toFile: hba, atomically: false, encoding: .utf8)

        let server = try asPostgres(
            [
                "\(binDirectory)/postgres", "-D", "\(directory)/pgdata", "-c", "listen_addresses=",
                "-c", "unix_socket_directories=\(directory)", "-c", "port=5432",
            ], log: "\(directory)/postgres.log")
        try server.run()
        let instance = TemporaryPostgres(directory: directory, process: server)
        try await instance.waitUntilReady()
        return instance
    }

    /// Polls postmaster.pid's status line, as pg_ctl does.
    private func waitUntilReady() async throws {
        for _ in 0..<1_200 {
            if let text = try? String(contentsOfFile: "\(pgdata)/postmaster.pid", encoding: .utf8) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.count >= 8, lines[7].trimmingCharacters(in: .whitespaces) == "ready" { return }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        Issue.record("PostgreSQL did not start")
        throw CancellationError()
    }

    /// Fast shutdown, then removes the directory.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func asPostgres(_ arguments: [String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--"] + arguments
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardOutput = handle
        process.standardError = handle
        process.currentDirectoryURL = URL(fileURLWithPath: "/tmp")
        return process
    }

    private static func runToEnd(_ process: Process) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
    }
}

/// Gives a suite one `TemporaryPostgres` for all its tests, stopped when the suite ends.
struct TemporaryPostgresTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await TemporaryPostgres.start()
        defer { server.stop() }
        try await TemporaryPostgres.$current.withValue(server) {
            try await function()
        }
    }
}

extension Trait where Self == TemporaryPostgresTrait {
    /// A PostgreSQL server of the suite's own (`TemporaryPostgres.current`).
    static var temporaryPostgres: Self { TemporaryPostgresTrait() }
}
