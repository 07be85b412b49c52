import Logging
import PairCore

/// The log lines of the failure detector's events.
enum HeartbeatEventLog {
    static func log(_ event: DetectorEvent, media: [HeartbeatMedium], peer: String, logger: Logger) {
        switch event {
        case .linkUp(let link):
            logger.info(
                "heartbeat link up", metadata: ["peer.node": "\(peer)", "heartbeat.medium": "\(media[link].written)"])
        case .linkDown(let link, let silentFor):
            logger.warning(
                "heartbeat link down",
                metadata: [
                    "peer.node": "\(peer)", "heartbeat.medium": "\(media[link].written)",
                    "heartbeat.silent_ms": "\(silentFor.milliseconds)",
                ])
        case .peerUp:
            logger.notice("peer up", metadata: ["peer.node": "\(peer)"])
        case .peerDead(let silentFor):
            logger.critical(
                "peer dead: no valid heartbeat on any link",
                metadata: ["peer.node": "\(peer)", "heartbeat.silent_ms": "\(silentFor.milliseconds)"])
        case .peerSilent(let since):
            logger.info(
                "peer silent past warntime",
                metadata: ["peer.node": "\(peer)", "heartbeat.silent_ms": "\(since.milliseconds)"])
        case .lateHeartbeat(let gap):
            logger.warning(
                "late heartbeat", metadata: ["peer.node": "\(peer)", "heartbeat.gap_ms": "\(gap.milliseconds)"])
        }
    }
}
