import Testing

@testable import PairCore

@Suite struct RsyncLocationParsingTests {
    @Test func daemonModule() throws {
        let location = try RsyncLocation.parse("pollux::pgpair-staging/sub/dir")
        #expect(location.transport == .daemon)
        #expect(location.host == "pollux")
        #expect(location.module == "pgpair-staging")
        #expect(location.path == "sub/dir")
        #expect(location.user == nil)
        #expect(location.written == "pollux::pgpair-staging/sub/dir")
    }

    @Test func daemonURLWithUserAndPort() throws {
        let location = try RsyncLocation.parse("rsync://sync@10.0.0.2:8873/pgpair-staging")
        #expect(location.transport == .daemon)
        #expect(location.user == "sync")
        #expect(location.host == "10.0.0.2")
        #expect(location.port == 8873)
        #expect(location.module == "pgpair-staging")
        #expect(location.path == "")
    }

    @Test func remoteShellPath() throws {
        let location = try RsyncLocation.parse("postgres@pollux:/var/lib/pgpair/incoming")
        #expect(location.transport == .remoteShell)
        #expect(location.user == "postgres")
        #expect(location.host == "pollux")
        #expect(location.module == nil)
        #expect(location.path == "/var/lib/pgpair/incoming")
    }

    @Test(arguments: [
        ("/var/lib/pgpair", RsyncLocation.ParseError.localPath),
        ("relative/dir", .localPath),
        ("./a:b", .localPath),
        ("user:secret@pollux::module", .password),
        ("rsync://user:secret@pollux/module", .password),
        ("pollux::", .malformed),
        ("pollux:", .malformed),
        ("rsync://pollux", .malformed),
        ("rsync://pollux:0/m", .malformed),
        ("rsync://pollux:port/m", .malformed),
        ("bad host::m", .malformed),
        ("@pollux:/x", .malformed),
    ])
    func refuses(text: String, expected: RsyncLocation.ParseError) {
        #expect(throws: expected) { try RsyncLocation.parse(text) }
    }
}
