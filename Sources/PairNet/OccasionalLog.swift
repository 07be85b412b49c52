import Logging
import NIOCore

/// Lets a repeated warning (a failed send, a dropped datagram) through at most once per `interval`, and says how
/// many were held back meanwhile, so a flood cannot flood the log.
struct OccasionalLog {
    private var limiter: RateLimiter

    init(interval: TimeAmount = .seconds(60)) {
        limiter = RateLimiter(interval: interval)
    }

    mutating func warning(_ message: Logger.Message, error: String, logger: Logger) {
        guard let suppressed = limiter.admit() else { return }
        logger.warning(message, metadata: ["heartbeat.error": "\(error)", "heartbeat.suppressed": "\(suppressed)"])
    }
}
