import Testing

@testable import PairCore

@Suite struct HAConfigParserTests {
    @Test func minimalFileHasDefaultsAndNoDiagnostics() throws {
        let result = ConfigFixtures.ha()
        #expect(result.diagnostics.isEmpty)
        let ha = try #require(result.value)
        #expect(ha.nodes == ["castor", "pollux"])
        #expect(ha.localNode == "castor")
        #expect(ha.peerNode == "pollux")
        #expect(ha.timing == HeartbeatTiming())
        #expect(ha.udpPort == 694)
        #expect(ha.baudRate == 19200)
        #expect(ha.autoFailback == false)
        #expect(ha.coldStartTakeover == false)
        #expect(ha.pingTargets.isEmpty)
        #expect(ha.logging == LogSettings())
        #expect(ha.agent == AgentSettings())
        #expect(ha.agent.stateDirectory == "/var/lib/pgpair")
        #expect(ha.agent.controlSocket == "/run/pgpair/pgpair.sock")
        #expect(ha.postgres == PostgresSettings(dataDirectory: "/var/lib/postgresql/16/main"))
        #expect(ha.postgres.port == 5432 && ha.postgres.user == "postgres")
        #expect(ha.monitoring == MonitorSettings())
        #expect(ha.monitoring.interval == .seconds(2) && ha.monitoring.restartLimit == 3)
        #expect(ha.monitoring.resourceTimeout == .seconds(120))
        #expect(ha.sync == SyncSettings())
        #expect(ha.sync.snapshotKeep == 2 && ha.sync.lockfile == "/run/lock/pgpair-sync.lock")
        #expect(ha.sync.interval == .zero && ha.sync.method == nil)
        #expect(ha.fencing == FenceSettings())
        #expect(ha.fencing.timeout == .seconds(30) && ha.fencing.delay == .seconds(15))
    }

    @Test func unknownDirectiveIsAnError() {
        let result = ConfigFixtures.ha("frobnicate on")
        #expect(result.value == nil)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:6: unknown directive `frobnicate`; docs/configuration.md lists the directives ha.cf accepts"
            ])
    }

    @Test func upperCaseDirectiveGetsAHint() {
        let result = ConfigFixtures.ha("Keepalive 2")
        #expect(
            result.diagnostics.map(\.message) == [
                "unknown directive `Keepalive`; directives are lower case: write `keepalive`"
            ])
    }

    @Test func everyProblemIsReportedWithItsLine() {
        let text = """
            node castor
            keepalive fast
            # a comment

            node pollux
            ucast eth1 10.0.0.2
            bogus
            pg_port 70000
            deadtime 1
            watchdog /dev/watchdog
            """
        let result = ConfigFixtures.haText(text)
        #expect(result.value == nil)
        #expect(
            ConfigFixtures.places(result.diagnostics) == [
                "2 error", "6 warning", "7 error", "8 error", "9 error", "10 warning",
            ])
        #expect(result.diagnostics[4].message.hasPrefix("deadtime 1s must be more than twice keepalive 1s"))
    }

    @Test func emptyFileNamesEverythingMissing() {
        let result = ConfigFixtures.haText("")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf: ha.cf has no `node` line; a pair needs exactly two, e.g. `node castor` and `node pollux` "
                    + "(names as `uname -n` prints them)",
                "ha.cf: ha.cf declares no heartbeat medium; write at least one of bcast, mcast, ucast or serial, "
                    + "e.g. `ucast eth1 10.0.0.2` and `serial /dev/ttyS0`",
            ])
    }

    @Test func placeholdersNameThisNodeAndThePeer() throws {
        let ha = try #require(ConfigFixtures.ha("pg_options -c cluster_name={node} -c x={peer}").value)
        #expect(ha.postgres.serverOptions == ["-c", "cluster_name=castor", "-c", "x=pollux"])
        let onPollux = try #require(
            ConfigFixtures.ha("pg_options -c cluster_name={node}", host: ConfigFixtures.host(node: "pollux")).value)
        #expect(onPollux.postgres.serverOptions == ["-c", "cluster_name=pollux"])
    }

    @Test func deferredLinesKeepTheirLineNumbers() {
        let result = ConfigFixtures.ha("rsync_target /local\nkeepalive x")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error", "6 warning", "7 error"])
    }
}
