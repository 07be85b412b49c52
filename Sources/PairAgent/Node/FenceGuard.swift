import Logging
import PairCore

/// The fence guard: one attempt per start (the state machine starts it again on its backoff after a failure),
/// reported once, stamped with the instant the attempt ended — ARP answers count from then on, since the peer's
/// kernel answered until the fence took it down.
struct FenceGuard: Sendable {
    let fence: any Fence
    let peer: String
    let logger: Logger

    func run(report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void) async {
        var logger = self.logger
        logger[metadataKey: "fence.method"] = "\(fence.method)"
        logger[metadataKey: "peer.node"] = "\(peer)"
        logger.notice("fencing the peer")
        let began = ContinuousClock.now
        let outcome: FenceOutcome
        do {
            outcome = try await fence.fence(peer: peer)
        } catch {
            logger.notice("fence attempt stopped before it ended; its result is unknown")
            return
        }
        let ended = ContinuousClock.now
        logger[metadataKey: "fence.duration_ms"] = "\((ended - began).milliseconds)"
        logger[metadataKey: "fence.result"] = "\(outcome.summary)"
        if outcome.succeeded {
            logger.notice("peer fenced")
        } else {
            if !outcome.output.isEmpty {
                logger[metadataKey: "fence.output"] = "\(outcome.output)"
            }
            logger.error("fence failed: takeover waits, and the fence is tried again")
        }
        report(.fence(succeeded: outcome.succeeded), ended)
    }
}
