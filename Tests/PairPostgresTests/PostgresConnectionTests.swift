import PairPostgres
import Testing

/// Against a real PostgreSQL the suite starts (see `TemporaryPostgres`). The connection blocks; these
/// short calls on a local socket are the one place tests accept that.
@Suite(.temporaryPostgres)
struct PostgresConnectionTests {
    var server: TemporaryPostgres {
        get throws { try #require(TemporaryPostgres.current) }
    }

    @Test func connectsAndReadsRows() throws {
        let connection = try PostgresConnection(conninfo: server.conninfo)
        defer { connection.close() }
        #expect(connection.serverVersion >= 150_000)
        let result = try connection.query("SELECT 1 + 1 AS two, NULL::text AS nothing, 'x' AS letter")
        #expect(result.columns == ["two", "nothing", "letter"])
        #expect(result.rows == [["2", nil, "x"]])
        #expect(result.value(row: 0, column: "letter") == "x")
        #expect(result.commandStatus == "SELECT 1")
    }

    @Test func bindsParametersAsText() throws {
        let connection = try PostgresConnection(conninfo: server.conninfo)
        let tricky = "it's a \"quote\"; DROP TABLE nothing; --"
        let result = try connection.query("SELECT $1::text, $2::text IS NULL, $3::int * 2", [tricky, nil, "21"])
        #expect(result.rows == [[tricky, "t", "42"]])
    }

    @Test func reportsAServerErrorWithItsSQLState() throws {
        let connection = try PostgresConnection(conninfo: server.conninfo)
        let error = try #require(throws: PostgresError.self) { try connection.query("SELEKT 1") }
        #expect(error.code == .queryFailed)
        #expect(error.sqlState == "42601")
        #expect(error.message.contains("syntax error"))
        // The session survives a failed statement.
        #expect(try connection.query("SELECT 'still here'").scalar == "still here")
    }

    @Test func refusesQueriesAfterClose() throws {
        let connection = try PostgresConnection(conninfo: server.conninfo)
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        let error = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error.code == .connectionClosed)
    }

    @Test func reportsAFailedConnection() throws {
        let error = try #require(throws: PostgresError.self) {
            try PostgresConnection(
                conninfo: "host='\(server.socketDirectory)' port=5432 dbname=no_such_db user=postgres")
        }
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("no_such_db"))
    }

    @Test func aWrongPasswordIsNeverQuoted() throws {
        let wrong = "wrong-\(UInt32.random(in: 1_000...9_999))-password"
        var conninfo = Conninfo([
            "host": try server.socketDirectory, "port": "5432", "dbname": "postgres",
            "user": TemporaryPostgres.passwordRole,
        ])
        conninfo["password"] = wrong
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(conninfo) }
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("password authentication failed"))
        #expect(!error.description.contains(wrong))
        #expect(!error.description.contains("password="))
    }

    @Test func aPasswordQuotedByTheServerIsRedacted() throws {
        // The role's name is the password tried: the server's message names the role, and so would
        // quote the password if the wrapper did not redact it.
        let conninfo = Conninfo([
            "host": try server.socketDirectory, "port": "5432", "dbname": "postgres",
            "user": TemporaryPostgres.passwordRole, "password": TemporaryPostgres.passwordRole,
        ])
        let error = try #require(throws: PostgresError.self) { try PostgresConnection(conninfo) }
        #expect(error.code == .connectionFailed)
        #expect(!error.description.contains(TemporaryPostgres.passwordRole))
        #expect(error.message.contains("***"))
    }

    @Test func aMalformedConnectionStringIsNotQuoted() {
        // Unquoted, the password's second word is parsed as a keyword; libpq's message would quote it.
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(conninfo: "host=/nonexistent password=correct horse")
        }
        #expect(error?.code == .invalidConninfo)
        #expect(error.map { !$0.description.contains("horse") && !$0.description.contains("correct") } == true)
    }
}
