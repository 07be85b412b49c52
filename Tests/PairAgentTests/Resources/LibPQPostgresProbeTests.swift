import Foundation
import Testing

@testable import PairAgent

@Suite("LibPQPostgresProbe")
struct LibPQPostgresProbeTests {
    @Test("against a real cluster: accepting and SELECT 1 while it runs; no response and a failed SELECT 1 after")
    func realCluster() async throws {
        try await TemporaryCluster.with { cluster in
            let probe = LibPQPostgresProbe(conninfo: cluster.conninfo, passfile: nil)
            #expect(await probe.ping() == .noResponse)
            await #expect(throws: ResourceError.self) { try await probe.selectOne() }
            try await cluster.control().start(dataDirectory: cluster.pgdata)
            #expect(await probe.ping() == .accepting)
            try await probe.selectOne()
            try await cluster.control().stop(dataDirectory: cluster.pgdata)
            #expect(await probe.ping() == .noResponse)
            let error = await #expect(throws: ResourceError.self) { try await probe.selectOne() }
            #expect(error?.code == .actionFailed)
        }
    }

    @Test("a connection string that does not parse is no attempt, and SELECT 1 through it fails")
    func unparsable() async throws {
        let probe = LibPQPostgresProbe(conninfo: "host='unterminated", passfile: nil)
        #expect(await probe.ping() == .noAttempt)
        let error = await #expect(throws: ResourceError.self) { try await probe.selectOne() }
        #expect(error?.code == .actionFailed)
    }

    @Test(
        "pg_passfile reaches libpq as passfile=: SELECT 1 logs in with it, fails without it, never shows the password")
    func passfile() async throws {
        try await TemporaryCluster.with { cluster in
            let role = "pgpair_probe"
            let password = "correct-horse-battery-staple"
            let hba = "\(cluster.pgdata)/pg_hba.conf"
            let original = try String(contentsOfFile: hba, encoding: .utf8)
            try ("local all \(role) scram-sha-256\n" + original).write(toFile: hba, atomically: false, encoding: .utf8)
            try await cluster.control().start(dataDirectory: cluster.pgdata)
            let created = try await SubprocessRunner().run(
                ProcessCommand(
                    "\(TemporaryCluster.binDirectory)/psql",
                    ["-X", "-d", cluster.conninfo, "-c", "CREATE ROLE \(role) LOGIN PASSWORD '\(password)'"],
                    timeout: .seconds(30)))
            #expect(created.succeeded, "\(created.summary)")
            try cluster.directory.write("*:*:*:\(role):\(password)\n", to: "pgpass", mode: 0o600)
            let conninfo = "host='\(cluster.directory.path)' port=\(cluster.port) dbname=postgres user=\(role)"

            try await LibPQPostgresProbe(conninfo: conninfo, passfile: "\(cluster.directory.path)/pgpass").selectOne()
            let error = await #expect(throws: ResourceError.self) {
                try await LibPQPostgresProbe(conninfo: conninfo, passfile: "\(cluster.directory.path)/none")
                    .selectOne()
            }
            #expect(error?.code == .actionFailed)
            #expect(error.map { !$0.message.contains(password) } ?? false)
            try await cluster.control().stop(dataDirectory: cluster.pgdata)
        }
    }

    @Test(
        "connect_timeout and passfile are added where the connection string does not set them",
        arguments: [
            ("port=5432", nil, "connect_timeout='5' port=5432"),
            ("port=5432", "/etc/pg pass", "connect_timeout='5' passfile='/etc/pg pass' port=5432"),
            ("", "/p", "connect_timeout='5' passfile='/p'"),
            (
                "postgresql:///postgres", "/etc/pg pass",
                "postgresql:///postgres?connect_timeout=5&passfile=/etc/pg%20pass"
            ),
            ("postgres://h/db?connect_timeout=2", nil, "postgres://h/db?connect_timeout=2"),
            (
                "postgresql://h/db?sslmode=disable", "/p",
                "postgresql://h/db?sslmode=disable&connect_timeout=5&passfile=/p"
            ),
        ] as [(String, String?, String)])
    func conninfo(written: String, passfile: String?, expected: String) {
        #expect(LibPQPostgresProbe.conninfo(written, passfile: passfile) == expected)
    }
}
