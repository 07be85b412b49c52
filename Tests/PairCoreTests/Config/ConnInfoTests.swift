import Testing

@testable import PairCore

@Suite struct ConnInfoTests {
    @Test(arguments: [
        "host=/var/run/postgresql dbname=postgres user=postgres",
        "host = pollux port=5432",
        "application_name='pgpair sync' host=x",
        "options='-c a=\\'b\\''",
        "postgresql://postgres@pollux:5432/postgres",
        "postgres:///postgres?host=/run/postgresql",
        "",
    ])
    func acceptsWithoutPassword(text: String) {
        #expect(ConnInfo.check(text) == .fine)
    }

    @Test(arguments: [
        "host=x password=secret",
        "host=x PASSWORD = 'a b'",
        "password=",
        "postgresql://postgres:secret@pollux/postgres",
        "postgres://pollux/db?sslmode=require&password=x",
    ])
    func findsPasswords(text: String) {
        #expect(ConnInfo.check(text) == .password)
    }

    @Test(arguments: ["host", "host=x dbname", "host='open", "=x"])
    func findsMalformedStrings(text: String) {
        guard case .malformed = ConnInfo.check(text) else {
            Issue.record("\(text) was not found malformed")
            return
        }
    }
}
