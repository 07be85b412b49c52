import Testing

@testable import PairCore

@Suite struct HAConfigParserFenceTests {
    @Test func fenceCommandWithArguments() throws {
        let result = ConfigFixtures.ha("fence command /usr/local/sbin/fence-ipmi --lan 'rack 2'\nfence_timeout 20")
        #expect(result.diagnostics.isEmpty)
        let fencing = try #require(result.value).fencing
        #expect(fencing.method == .command(path: "/usr/local/sbin/fence-ipmi", arguments: ["--lan", "rack 2"]))
        #expect(fencing.timeout == .seconds(20))
        #expect(fencing.delay == .seconds(15))
    }

    @Test func fenceSSH() throws {
        let line =
            "fence ssh root@KVM1:2222 known_hosts=/etc/pgpair/kh key=/etc/pgpair/fence_key "
            + "command=virsh destroy  pollux\nfence_delay 0"
        let result = ConfigFixtures.ha(line)
        #expect(result.diagnostics.isEmpty)
        let fencing = try #require(result.value).fencing
        #expect(
            fencing.method
                == .ssh(
                    SSHFenceTarget(
                        user: "root", host: "kvm1", port: 2222,
                        keyPath: "/etc/pgpair/fence_key", knownHostsPath: "/etc/pgpair/kh",
                        command: "virsh destroy  pollux")))
        #expect(fencing.delay == .zero)
    }

    @Test func fenceSSHDefaultsToPort22() throws {
        let line = "fence ssh root@kvm1 key=/k known_hosts=/h command=true"
        guard case .ssh(let target) = try #require(ConfigFixtures.ha(line).value).fencing.method else {
            Issue.record("not an ssh fence")
            return
        }
        #expect(target.port == 22)
    }

    @Test(arguments: [
        ("fence", "needs a method"),
        ("fence stonith x", "needs a method"),
        ("fence command", "needs the program's absolute path"),
        ("fence command fence-peer", "needs an absolute path"),
        ("fence command '/x", "needs the program's absolute path"),
        ("fence ssh kvm1 key=/k known_hosts=/h command=x", "needs USER@HOST"),
        ("fence ssh root@kvm1:0 key=/k known_hosts=/h command=x", "needs USER@HOST"),
        ("fence ssh root@kvm1 known_hosts=/h command=x", "needs `key=`"),
        ("fence ssh root@kvm1 key=/k command=x", "needs `known_hosts=`"),
        ("fence ssh root@kvm1 key=k known_hosts=/h command=x", "needs `key=`"),
        ("fence ssh root@kvm1 key=/k known_hosts=/h", "needs `command=`"),
        ("fence ssh root@kvm1 key=/k known_hosts=/h command=", "needs `command=`"),
        ("fence ssh root@kvm1 key=/k key=/j known_hosts=/h command=x", "unknown or repeated"),
        ("fence ssh root@kvm1 port=22 key=/k known_hosts=/h command=x", "unknown or repeated"),
        ("fence ssh root@kvm1 /k known_hosts=/h command=x", "is not a `fence ssh` option"),
        ("fence ssh root@castor key=/k known_hosts=/h command=x", "names this node"),
        ("fence_timeout 0", "more than zero"),
    ])
    func fenceErrors(line: String, fragment: String) {
        let result = ConfigFixtures.ha(line)
        #expect(result.errors.map(\.line) == [6], "\(result.diagnostics)")
        #expect(result.errors.first?.message.contains(fragment) == true, "\(result.errors)")
    }

    @Test func bothKeyAndKnownHostsMissingAreBothReported() {
        #expect(ConfigFixtures.ha("fence ssh root@kvm1 command=x").errors.count == 2)
    }

    @Test func fencingThroughThePeerIsAWarning() {
        let result = ConfigFixtures.ha("fence ssh root@pollux key=/k known_hosts=/h command=poweroff -f")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning"])
        #expect(result.diagnostics[0].message.contains("never a dead or hung one"))
    }

    @Test func fenceTimingWithoutFenceIsAWarning() {
        let result = ConfigFixtures.ha("fence_timeout 10\nfence_delay 5")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning", "7 warning"])
    }

    @Test func secondFenceLineIsAnError() {
        let result = ConfigFixtures.ha("fence command /a\nfence command /b")
        #expect(result.errors.map(\.rendered) == ["ha.cf:7: `fence` is already set on line 6; keep one `fence` line"])
    }
}
