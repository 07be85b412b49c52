import Testing

@testable import PairCore

@Suite struct HAConfigParserTimingTests {
    @Test func givenTimings() throws {
        let ha = try #require(ConfigFixtures.ha("keepalive 500ms\ndeadtime 5\nwarntime 2.5\ninitdead 60").value)
        #expect(ha.timing.keepalive == .milliseconds(500))
        #expect(ha.timing.deadtime == .seconds(5))
        #expect(ha.timing.warntime == .milliseconds(2500))
        #expect(ha.timing.initdead == .seconds(60))
        #expect(!ha.timing.warntimeIsDerived && !ha.timing.initdeadIsDerived)
    }

    @Test(arguments: [(30, 15_000, 30_000), (10, 5_000, 20_000), (5, 2_500, 12_000), (11, 5_500, 11_000)])
    func derivedTimings(deadtime: Int, warntime: Int, initdead: Int) throws {
        let ha = try #require(ConfigFixtures.ha("deadtime \(deadtime)").value)
        #expect(ha.timing.warntime == .milliseconds(warntime))
        #expect(ha.timing.initdead == .milliseconds(initdead))
        #expect(ha.timing.warntimeIsDerived && ha.timing.initdeadIsDerived)
    }

    @Test func deadtimeMustExceedTwiceKeepalive() {
        let result = ConfigFixtures.ha("keepalive 2\ndeadtime 4")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:7: deadtime 4s must be more than twice keepalive 2s; raise deadtime (e.g. `deadtime 20s`) or "
                    + "lower keepalive"
            ])
    }

    @Test func keepaliveAloneTooLongForTheDefaultDeadtime() {
        let result = ConfigFixtures.ha("keepalive 15")
        #expect(ConfigFixtures.places(result.diagnostics) == ["6 error"])
    }

    @Test func warntimeMustBeBelowDeadtime() {
        let result = ConfigFixtures.ha("deadtime 10\nwarntime 10")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:7: warntime 10s must be less than deadtime 10s; write e.g. `warntime 5s`, or remove the line "
                    + "to use deadtime/2"
            ])
    }

    @Test func warntimeNotAboveKeepaliveIsAWarning() {
        let result = ConfigFixtures.ha("keepalive 2\nwarntime 2")
        #expect(ConfigFixtures.places(result.diagnostics) == ["7 warning"])
    }

    @Test func initdeadBelowDeadtimeIsAnError() {
        let result = ConfigFixtures.ha("deadtime 30\ninitdead 20")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:7: initdead 20s must not be shorter than deadtime 30s; write `initdead 30s` or more, or remove "
                    + "the line to derive it as heartbeat does"
            ])
    }

    @Test func initdeadBelowTenSecondsIsAWarning() {
        let result = ConfigFixtures.ha("deadtime 5\ninitdead 8")
        #expect(ConfigFixtures.places(result.diagnostics) == ["7 warning"])
        #expect(result.diagnostics[0].message.hasPrefix("initdead 8s is below 10s"))
        #expect(result.value?.timing.initdead == .seconds(8))
    }

    @Test(arguments: [
        "keepalive 0", "keepalive 100us", "deadtime -1", "warntime soon", "initdead 1 2", "keepalive",
        "deadtime 30 # fine\ndeadtime 40",
    ])
    func malformedTimes(lines: String) {
        #expect(ConfigFixtures.ha(lines).errors.count == 1)
    }
}
