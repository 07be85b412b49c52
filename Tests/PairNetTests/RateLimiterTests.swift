import NIOCore
import Testing

@testable import PairNet

@Suite("Rate limiter")
struct RateLimiterTests {
    private let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    @Test("one per interval: the first passes, the rest of the interval is held back and counted")
    func onePerInterval() {
        var limiter = RateLimiter(interval: .seconds(60))
        #expect(limiter.admit(at: start) == 0)
        #expect(limiter.admit(at: start + .seconds(1)) == nil)
        #expect(limiter.admit(at: start + .seconds(59)) == nil)
        #expect(limiter.admit(at: start + .seconds(60)) == 2)
        #expect(limiter.admit(at: start + .seconds(61)) == nil)
    }

    @Test("a burst passes at once; after it, one per interval")
    func burst() {
        var limiter = RateLimiter(interval: .seconds(60), burst: 3)
        #expect((0..<3).map { limiter.admit(at: start + .seconds(Int64($0))) } == [0, 0, 0])
        #expect(limiter.admit(at: start + .seconds(10)) == nil)
        #expect(limiter.admit(at: start + .seconds(60)) == 1)
        #expect(limiter.admit(at: start + .seconds(61)) == nil)
        // A long quiet spell refills the whole burst, no more.
        let later = start + .hours(1)
        #expect((0..<4).map { limiter.admit(at: later + .seconds(Int64($0))) } == [1, 0, 0, nil])
    }
}
