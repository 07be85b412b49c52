import CLibPQ
import CLibSSH2
import Testing

/// The C libraries pgpair depends on are linked and callable from Swift.
@Suite struct LinkedLibrariesTests {
    @Test func libpqReportsItsVersion() {
        // PQlibVersion returns major * 10000 + minor for PostgreSQL 10 and later.
        let version = PQlibVersion()
        #expect(version >= 100_000, "libpq version \(version) is older than PostgreSQL 10")
    }

    @Test func libssh2ReportsItsVersion() throws {
        let pointer = try #require(libssh2_version(0), "libssh2_version returned NULL")
        let version = String(cString: pointer)
        #expect(version.split(separator: ".").count >= 2, "unexpected libssh2 version string \(version)")
        // Asking for a version newer than the library's must return NULL: proves the check is real.
        #expect(libssh2_version(0x7F_00_00) == nil)
    }

    @Test func libssh2MacroShimsAreCallable() {
        #expect(libssh2_init(0) == 0)
        let session = pgpair_libssh2_session_init()
        #expect(session != nil)
        if let session { libssh2_session_free(session) }
        libssh2_exit()
    }
}
