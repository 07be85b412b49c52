import Testing

@testable import PairCore

@Suite struct HeartbeatTimingTests {
    @Test(arguments: [
        (30_000, 30_000), (10_001, 10_001), (10_000, 20_000), (6_000, 12_000), (8_000, 16_000), (5_999, 12_000),
        (2_000, 12_000), (60_000, 60_000),
    ])
    func derivesInitdeadAsHeartbeat(deadtimeMilliseconds: Int, initdeadMilliseconds: Int) {
        let derived = HeartbeatTiming.derivedInitdead(deadtime: .milliseconds(deadtimeMilliseconds))
        #expect(derived == .milliseconds(initdeadMilliseconds))
    }

    @Test func derivesWarntimeAsHalfDeadtime() {
        #expect(HeartbeatTiming.derivedWarntime(deadtime: .seconds(30)) == .seconds(15))
        #expect(HeartbeatTiming.derivedWarntime(deadtime: .milliseconds(2500)) == .milliseconds(1250))
    }

    @Test func defaultsAreHeartbeats() {
        let timing = HeartbeatTiming()
        #expect(timing.keepalive == .seconds(1))
        #expect(timing.deadtime == .seconds(30))
        #expect(timing.warntime == .seconds(15))
        #expect(timing.initdead == .seconds(30))
        #expect(timing.warntimeIsDerived && timing.initdeadIsDerived)
    }

    @Test func givenValuesAreNotMarkedDerived() {
        let timing = HeartbeatTiming(deadtime: .seconds(10), warntime: .seconds(4), initdead: .seconds(60))
        #expect(timing.warntime == .seconds(4))
        #expect(timing.initdead == .seconds(60))
        #expect(!timing.warntimeIsDerived && !timing.initdeadIsDerived)
    }

    @Test(arguments: [
        (30, "deadtime, as it is above 10s"), (3, "12s, as deadtime is below 6s"),
        (8, "2 × deadtime, as deadtime is 6s to 10s"),
    ])
    func explainsTheDerivation(deadtimeSeconds: Int, explanation: String) {
        #expect(HeartbeatTiming.initdeadDerivation(deadtime: .seconds(deadtimeSeconds)) == explanation)
    }
}
