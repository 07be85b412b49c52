import NIOCore

/// Admits up to `burst` occurrences at once and one more per `interval` after that (a token bucket), and counts
/// the ones it holds back, for log lines that may repeat.
struct RateLimiter {
    let interval: TimeAmount
    let burst: Int
    private var tokens: Int
    private var lastRefill: NIODeadline?
    private var suppressed = 0

    init(interval: TimeAmount, burst: Int = 1) {
        self.interval = interval
        self.burst = burst
        self.tokens = burst
    }

    /// Nil when this occurrence must not be logged; otherwise how many were held back since the last admitted.
    mutating func admit(at now: NIODeadline = .now()) -> Int? {
        refill(at: now)
        guard tokens > 0 else {
            suppressed += 1
            return nil
        }
        tokens -= 1
        defer { suppressed = 0 }
        return suppressed
    }

    private mutating func refill(at now: NIODeadline) {
        guard let lastRefill, tokens < burst else {
            lastRefill = now
            return
        }
        let earned = Int((now - lastRefill).nanoseconds / max(interval.nanoseconds, 1))
        guard earned > 0 else { return }
        tokens = min(burst, tokens + earned)
        self.lastRefill = lastRefill + .nanoseconds(interval.nanoseconds * Int64(earned))
    }
}
