import Logging
import NIOCore

/// Keeps a medium's log short through outages: one warning when it cannot be opened or is lost, silence while
/// the retries keep failing, one notice when it works again. A medium that keeps failing and recovering (a flaky
/// adapter) logs a few outages, then at most one per `interval`, saying how many it held back.
struct OutageLog {
    private var limiter: RateLimiter
    private var outageStart: NIODeadline?
    private var outageLogged = false
    private var failedAttempts = 0

    init(interval: TimeAmount = .seconds(60), burst: Int = 5) {
        limiter = RateLimiter(interval: interval, burst: burst)
    }

    /// An attempt to open failed, or the open medium was lost: logs only the first of an outage.
    mutating func failed(_ what: String, error: String, retry: TimeAmount, logger: Logger) {
        failedAttempts += 1
        guard outageStart == nil else { return }
        outageStart = .now()
        guard let suppressed = limiter.admit() else {
            outageLogged = false
            return
        }
        outageLogged = true
        logger.warning(
            "\(what); retrying every \(retry.milliseconds) ms, dropping sends meanwhile",
            metadata: ["heartbeat.error": "\(error)", "heartbeat.suppressed_outages": "\(suppressed)"])
    }

    /// The medium opened: the first time, or after an outage whose start was logged, says so.
    mutating func opened(_ what: String, logger: Logger) {
        defer {
            outageStart = nil
            failedAttempts = 0
        }
        guard let outageStart else {
            logger.info("\(what)")
            return
        }
        guard outageLogged else { return }
        logger.notice(
            "\(what) after an outage",
            metadata: [
                "heartbeat.outage_ms": "\((NIODeadline.now() - outageStart).milliseconds)",
                "heartbeat.failed_attempts": "\(failedAttempts)",
            ])
    }
}

extension TimeAmount {
    var milliseconds: Int64 { nanoseconds / 1_000_000 }
}
