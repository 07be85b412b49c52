import Foundation
import PairPostgres
import Testing

/// Against the suite's own server (see `TemporaryPostgres`), on its unix socket.
@Suite(.temporaryPostgres)
struct PostgresReadinessTests {
    var server: TemporaryPostgres {
        get throws { try #require(TemporaryPostgres.current) }
    }

    @Test("a running server accepts, without logging in (a wrong password role still pings)")
    func accepting() throws {
        #expect(PostgresReadiness.ping(conninfo: try server.conninfo) == .accepting)
        let passwordRole =
            "host='\(try server.socketDirectory)' port=5432 dbname=postgres user=\(TemporaryPostgres.passwordRole)"
        #expect(PostgresReadiness.ping(conninfo: passwordRole) == .accepting)
    }

    @Test("no server on the socket is no response")
    func noResponse() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-noserver-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(PostgresReadiness.ping(conninfo: "host='\(directory)' port=5432") == .noResponse)
    }

    @Test("a connection string that does not parse is no attempt")
    func noAttempt() {
        #expect(PostgresReadiness.ping(conninfo: "host='unterminated") == .noAttempt)
        #expect(PostgresReadiness.ping(conninfo: "nosuchkeyword=1") == .noAttempt)
    }
}
