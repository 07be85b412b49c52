import Foundation
import PairTestSupport
import Testing

@testable import PairSync

@Suite("DumpallDumpFile")
struct DumpallDumpFileTests {
    @Test(
        "a dump is complete only when pg_dumpall's closing line ends it",
        arguments: [
            ("COPY t FROM stdin;\n1\n\\.\n\n--\n-- PostgreSQL database cluster dump complete\n--\n\n", true),
            ("--\n-- PostgreSQL database cluster dump complete\n--\n", true),
            ("-- PostgreSQL database cluster dump complete", true),
            ("COPY t FROM stdin;\n1\n2\n", false),
            ("--\n-- PostgreSQL database dump complete\n--\n\n", false),
            ("-- PostgreSQL database cluster dump complete\n--\n\\connect shop\nCREATE TABLE t ();\n", false),
            ("", false),
        ])
    func closingLine(tail: String, complete: Bool) {
        #expect(DumpallDumpFile.isComplete(tail: tail) == complete)
    }

    @Test("check reads the end of the file and gives its size; a dump cut short is a transfer failure")
    func check() throws {
        let scratch = try Scratch("pgpair-dumpalltest-file")
        defer { scratch.remove() }
        let body = String(repeating: "INSERT INTO t VALUES (1);\n", count: 200)
        let complete = body + "--\n-- PostgreSQL database cluster dump complete\n--\n\n"
        try complete.write(toFile: "\(scratch.path)/good.sql", atomically: false, encoding: .utf8)
        try body.write(toFile: "\(scratch.path)/cut.sql", atomically: false, encoding: .utf8)
        #expect(try DumpallDumpFile.check("\(scratch.path)/good.sql") == Int64(complete.utf8.count))
        #expect(throws: SyncError.self) { try DumpallDumpFile.check("\(scratch.path)/cut.sql") }
        #expect(throws: SyncError.self) { try DumpallDumpFile.check("\(scratch.path)/missing.sql") }
    }
}
