import Testing

@testable import PairSync

@Suite("DumpallRestoreOutput")
struct DumpallRestoreOutputTests {
    static let dump = "/var/lib/pgpair/snapshots/dumpall-staging-AbC123/pg_dumpall.sql"

    @Test(
        "only the bootstrap superuser already existing is a benign error",
        arguments: [
            ("", true),
            ("psql:\(dump):16: ERROR:  role \"postgres\" already exists\n", true),
            (
                "psql:\(dump):9: WARNING:  something to note\n"
                    + "psql:\(dump):16: ERROR:  role \"postgres\" already exists\n",
                true
            ),
            ("psql:\(dump):16: ERROR:  role \"app\" already exists\n", false),
            ("psql:\(dump):40: ERROR:  relation \"t\" does not exist\nLINE 1: COPY t FROM stdin;\n", false),
            ("psql:\(dump):41: invalid command \\N\n", false),
            ("psql:\(dump):50: error: \\connect: connection to server failed\n", false),
            ("psql:\(dump):7: FATAL:  terminating connection due to administrator command\n", false),
            ("could not read the file\n", false),
            ("psql:/elsewhere/other.sql:16: ERROR:  role \"postgres\" already exists\n", false),
        ])
    func judged(output: String, accepted: Bool) {
        let verdict = DumpallRestoreOutput(output, dumpFile: Self.dump, bootstrapUser: "postgres")
        #expect(verdict.accepted == accepted, "\(verdict)")
    }

    @Test("messages are sorted into benign errors, warnings and failures; continuation lines follow their message")
    func sorted() {
        let output = """
            psql:\(Self.dump):16: ERROR:  role "postgres" already exists
            psql:\(Self.dump):20: NOTICE:  extension "plpgsql" already exists, skipping
            psql:\(Self.dump):88: ERROR:  directory "/srv/ts/PG_15_202209061" already in use as a tablespace
            CONTEXT:  while creating the tablespace
            """
        let verdict = DumpallRestoreOutput(output, dumpFile: Self.dump, bootstrapUser: "postgres")
        #expect(verdict.benignErrors.count == 1)
        #expect(verdict.warnings.count == 1)
        #expect(
            verdict.failures == [
                "psql:\(Self.dump):88: ERROR:  directory \"/srv/ts/PG_15_202209061\" already in use as a tablespace"
            ])
        #expect(!verdict.accepted)
    }
}
