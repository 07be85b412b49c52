import Testing

@testable import PairLab

struct RowWriterTests {
    @Test func aNumberIsReadOnlyOnceItsLineIsWhole() {
        #expect(RowWriter.numbers(in: "") == [])
        #expect(RowWriter.numbers(in: "1\n2\n3") == [1, 2])
        #expect(RowWriter.numbers(in: "1\n2\n3\n") == [1, 2, 3])
    }

    @Test(arguments: [
        ("pgpair_rows", true), ("rows2", true), ("_t", true), ("Rows", false), ("2rows", false), ("", false),
        ("rows; DROP TABLE x", false), ("r\u{e9}sum\u{e9}", false),
    ])
    func theTableIsALowerCaseIdentifier(name: String, accepted: Bool) {
        #expect(RowWriter.isTableName(name) == accepted)
    }

    @Test func theConnectionNamesNoPasswordAndBreaksSoonAfterItsServerDies() {
        let writer = RowWriter(
            host: "198.18.0.100", port: 5432, table: "t", interval: .milliseconds(20), outputPath: "/tmp/x")
        let conninfo = writer.conninfo
        #expect(conninfo["password"] == nil)
        #expect(conninfo["hostaddr"] == "198.18.0.100")
        #expect(conninfo["keepalives"] == "1" && conninfo["tcp_user_timeout"] != nil)
    }
}
