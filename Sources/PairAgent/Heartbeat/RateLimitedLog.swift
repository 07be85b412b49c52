/// Lets a repeated log line through at most once per interval, and says how many were held back meanwhile, so a
/// flood of garbage on a link cannot flood the log.
struct RateLimitedLog {
    let interval: Duration
    private var lastLogged: ContinuousClock.Instant?
    private var suppressed = 0

    init(interval: Duration) {
        self.interval = interval
    }

    /// Nil when this occurrence must not be logged; otherwise how many were suppressed since the last one logged.
    mutating func admit(at now: ContinuousClock.Instant) -> Int? {
        if let lastLogged, now - lastLogged < interval {
            suppressed += 1
            return nil
        }
        lastLogged = now
        defer { suppressed = 0 }
        return suppressed
    }
}
