import Testing

@testable import PairCore

@Suite struct HADirectiveExamplesTests {
    /// Examples that need a partner directive, or repeat one of the minimal file, to parse cleanly.
    private static let needsContext: [String: String] = [
        "node": "", "pgdata": "", "nice_failback": "", "udp": "",
        "sync_method": "\nrsync_target pollux::m\nsnapshot_dir /srv/snap",
        "rsync_target": "\nsync_method rsync\nsnapshot_dir /srv/snap",
        "rsync_source": "\nsync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv/snap",
        "rsync_password_file": "\nsync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv/snap",
        "rsync_ssh_options": "\nsync_method rsync\nrsync_target root@pollux:/m\nsnapshot_dir /srv/snap",
        "dumpall_source": "\nsync_method pg_dumpall\nsnapshot_dir /srv/snap",
        "snapshot_dir": "\nsync_method rsync\nrsync_target pollux::m",
        "snapshot_keep": "\nsync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv/snap",
        "sync_interval": "\nsync_method rsync\nrsync_target pollux::m\nsnapshot_dir /srv/snap",
        "fence_timeout": "\nfence command /x", "fence_delay": "\nfence command /x",
        "crm": "", "pacemaker": "", "baud": "", "udpport": "", "ucast": "", "serial": "",
    ]

    @Test(arguments: HADirectiveExamples.byName.keys.sorted())
    func exampleParsesCleanly(name: String) throws {
        let example = try #require(HADirectiveExamples.byName[name])
        #expect(example.hasPrefix(name + " ") || ["udp", "nice_failback"].contains(name))
        guard let context = Self.needsContext[name] else {
            let result = ConfigFixtures.ha(example)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            return
        }
        guard !context.isEmpty else { return }
        let result = ConfigFixtures.ha(example + context)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func hintQuotesTheExample() {
        #expect(HADirectiveExamples.hint("keepalive") == "e.g. `keepalive 1`")
        #expect(HADirectiveExamples.hint("nonsense") == "see docs/configuration.md")
    }
}
