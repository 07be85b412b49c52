import Testing

@testable import PairCore

@Suite struct HeartbeatLegacyDirectiveTests {
    @Test(arguments: HeartbeatLegacyDirective.insteadByName.keys.sorted())
    func isAcceptedWithAWarningThatSaysWhatPgpairDoes(name: String) throws {
        let result = ConfigFixtures.ha("\(name) some value")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 warning"])
        let instead = try #require(HeartbeatLegacyDirective.insteadByName[name])
        #expect(result.diagnostics[0].message == "`\(name)` is a heartbeat directive pgpair does not use: \(instead)")
        #expect(result.value != nil)
    }

    @Test func coversHeartbeatsDirectives() {
        let heartbeat = [
            "watchdog", "respawn", "apiauth", "use_logd", "stonith", "stonith_host", "compression",
            "compression_threshold", "realtime", "hopfudge", "deadping", "msgfmt", "coredumps", "uuidfrom", "debug",
            "traditional_compression", "conn_logd_time", "autojoin", "rtprio", "hbgenmethod", "log_badpack",
            "use_apphbd", "coreroot", "env", "max_rexmit_delay", "cluster", "memreserve", "quorum_server",
            "normalpoll",
        ]
        #expect(heartbeat.filter { HeartbeatLegacyDirective.insteadByName[$0] == nil } == [])
    }

    @Test func stonithWarningSaysThereIsNoFencing() {
        let message = ConfigFixtures.ha("stonith baytech /etc/ha.d/conf/stonith.baytech").diagnostics.first?.message
        #expect(message?.contains("will NOT fence its peer") == true)
    }

    @Test func legacyAndPgpairDirectivesDoNotOverlap() {
        let overlap = Set(HeartbeatLegacyDirective.insteadByName.keys).intersection(HADirectiveExamples.byName.keys)
        #expect(overlap.isEmpty)
    }
}
