import Testing

@testable import PairAgent

@Suite struct RateLimitedLogTests {
    @Test func oneLineAnIntervalWithTheCountHeldBack() {
        var log = RateLimitedLog(interval: .seconds(10))
        let start = ContinuousClock.now
        #expect(log.admit(at: start) == 0)
        #expect(log.admit(at: start + .seconds(1)) == nil)
        #expect(log.admit(at: start + .seconds(9)) == nil)
        #expect(log.admit(at: start + .seconds(10)) == 2)
        #expect(log.admit(at: start + .seconds(11)) == nil)
        #expect(log.admit(at: start + .seconds(25)) == 1)
    }
}
