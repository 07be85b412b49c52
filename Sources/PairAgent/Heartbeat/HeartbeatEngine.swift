import Logging
import NIOConcurrencyHelpers
import NIOCore
import PairCore
import PairNet

/// The heartbeat loop: sends this node's message on every medium every keepalive, receives the peer's, checks
/// and counts them, and runs the failure detector.
///
/// Everything mutable here is touched only on `eventLoop`, a dedicated thread with real-time priority where the
/// system allows it; other threads read the published `HeartbeatSnapshot`.
final class HeartbeatEngine: @unchecked Sendable {
    private let eventLoop: any EventLoop
    private let localNode: String
    private let generation: UInt64
    private let timing: HeartbeatTiming
    private let media: [HeartbeatMedium]
    private let logger: Logger
    private let published: NIOLockedValueBox<HeartbeatSnapshot>
    private let observer: @Sendable (HeartbeatObservation) -> Void

    private var codec: HeartbeatCodec
    private var tracker: PeerHeartbeatTracker
    private var detector: FailureDetector<ContinuousClock.Instant>
    private var assemblers: [Int: HeartbeatFrameAssembler] = [:]
    private var transports: [any HeartbeatTransport] = []
    private var announcement: LocalAnnouncement
    /// This node's copy, kept apart from the announcement the node loop replaces (its `copy` is nil).
    private var copy: SyncStamp?
    private var sequence: UInt64 = 0
    private var rejected = RejectedCounts()
    /// One limiter per kind, so that a flood of one kind (noise on a serial line) never hides another (a replay).
    private var rejectionLogs: [HeartbeatRejection.Kind: RateLimitedLog] = [:]
    private var mediaUsability = MediaUsability()
    private var sender: RepeatedTask?
    private var tick: Scheduled<Void>?

    init(
        configuration: PairConfiguration, generation: UInt64, announcement: LocalAnnouncement,
        eventLoop: any EventLoop, logger: Logger, peerGenerationFloor: UInt64 = 0,
        observer: @escaping @Sendable (HeartbeatObservation) -> Void = { _ in }
    ) {
        self.observer = observer
        let ha = configuration.ha
        self.eventLoop = eventLoop
        self.localNode = ha.localNode
        self.generation = generation
        self.timing = ha.timing
        self.media = ha.media
        self.logger = logger
        self.announcement = announcement
        self.codec = HeartbeatCodec(keys: configuration.authKeys)
        self.tracker = PeerHeartbeatTracker(
            localNode: ha.localNode, peerNode: ha.peerNode, linkCount: ha.media.count,
            generationFloor: peerGenerationFloor)
        self.detector = FailureDetector(timing: ha.timing, linkCount: ha.media.count, startedAt: .now)
        self.published = NIOLockedValueBox(
            HeartbeatSnapshot(
                announcement: announcement, peerState: .unknown, peerRole: nil, peerEpoch: nil,
                links: ha.media.map { .init(medium: $0.written, state: .down, lastHeard: nil) },
                rejected: RejectedCounts()))
    }

    /// The newest published view.
    var snapshot: HeartbeatSnapshot { published.withLockedValue { $0 } }

    /// Starts sending and watching; `transports` are the opened media, in `media` order.
    func start(transports: [any HeartbeatTransport]) {
        eventLoop.execute {
            self.transports = transports
            let keepalive = TimeAmount.nanoseconds(Int64(self.timing.keepalive.nanoseconds))
            self.sender = self.eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: keepalive) { _ in
                self.sendHeartbeat()
            }
            self.scheduleTick()
        }
    }

    /// Stops sending and watching.
    func stop() async {
        try? await eventLoop.submit {
            self.sender?.cancel()
            self.tick?.cancel()
        }.get()
    }

    /// Signs with `keys` from now on, and accepts only messages signed with one of them.
    func replaceKeys(_ keys: AuthKeys) {
        eventLoop.execute { self.codec = HeartbeatCodec(keys: keys) }
    }

    /// Announces `announcement` from the next heartbeat on; with `now`, sends a heartbeat with it at once (a
    /// release or a request must not wait a keepalive).
    func announce(_ announcement: LocalAnnouncement, now: Bool = false) {
        eventLoop.execute {
            self.announcement = announcement
            self.publish()
            if now {
                self.sendHeartbeat()
            }
        }
    }

    /// Tells of `copy` in every heartbeat from the next one on (unless an announcement carries a copy itself).
    func keepCopy(_ copy: SyncStamp?) {
        eventLoop.execute { self.copy = copy }
    }

    /// Handles bytes a medium received. Runs on the event loop (media deliver there).
    func received(_ received: ReceivedHeartbeatBytes) {
        eventLoop.assertInEventLoop()
        guard received.isStream else {
            handleFrame(received.bytes, onLink: received.medium)
            return
        }
        var assembler = assemblers[received.medium] ?? HeartbeatFrameAssembler()
        let pieces = assembler.append(received.bytes)
        assemblers[received.medium] = assembler
        for piece in pieces {
            switch piece {
            case .frame(let bytes):
                handleFrame(bytes, onLink: received.medium)
            case .garbage(let byteCount, let reason):
                reject(
                    HeartbeatRejection(kind: .malformed, reason: "\(reason) (\(byteCount) bytes)"),
                    link: received.medium)
            }
        }
    }

    private func handleFrame(_ bytes: [UInt8], onLink link: Int) {
        let message: HeartbeatMessage
        switch codec.decode(bytes) {
        case .success(let decoded): message = decoded
        case .failure(let rejection):
            reject(rejection, link: link)
            return
        }
        switch tracker.accept(message, onLink: link) {
        case .ignoredOwnMessage:
            return
        case .rejected(let rejection):
            reject(rejection, link: link)
            return
        case .accepted(_, let peerRestarted):
            if peerRestarted {
                logger.notice(
                    "peer restarted",
                    metadata: ["peer.node": "\(message.sender)", "peer.generation": "\(message.generation)"])
            }
        }
        let now = ContinuousClock.now
        let events = detector.heartbeatAccepted(onLink: link, at: now)
        report(events, at: now)
        observer(.message(message, at: now))
        publish()
        scheduleTick()
    }

    private func reject(_ rejection: HeartbeatRejection, link: Int) {
        rejected.count(rejection.kind)
        publish()
        var log = rejectionLogs[rejection.kind] ?? RateLimitedLog(interval: .seconds(10))
        let admitted = log.admit(at: .now)
        rejectionLogs[rejection.kind] = log
        if let suppressed = admitted {
            logger.warning(
                "heartbeat rejected",
                metadata: [
                    "heartbeat.medium": "\(media[link].written)", "heartbeat.rejected": "\(rejection.kind.rawValue)",
                    "heartbeat.reason": "\(rejection.reason)", "heartbeat.suppressed": "\(suppressed)",
                ])
        }
    }

    private func sendHeartbeat() {
        sequence += 1
        let message = HeartbeatMessage(
            protocolVersion: PairCoreVersion.protocolVersion, sender: localNode, generation: generation,
            sequence: sequence, role: announcement.node.role, heldGroups: announcement.node.heldGroups,
            epoch: announcement.node.epoch, copy: announcement.copy ?? copy, deadtime: timing.deadtime,
            releasedGroups: announcement.node.releasedGroups, requestedGroups: announcement.node.requestedGroups,
            pingReachable: announcement.node.pingReachable)
        let bytes = codec.encode(message)
        checkMedia()
        for transport in transports {
            transport.send(bytes)
        }
    }

    /// Whether any medium took the previous heartbeat; a change is logged and reported.
    private func checkMedia() {
        guard let usable = mediaUsability.sent(transports.map(\.counters)) else { return }
        if usable {
            logger.notice("a heartbeat medium works again")
        } else {
            logger.error("no heartbeat medium can be used; this node takes over nothing until one works")
        }
        observer(.media(usable: usable, at: .now))
    }

    private func scheduleTick() {
        tick?.cancel()
        guard let deadline = detector.nextDeadline else { return }
        let delay = max(.zero, deadline - .now)
        tick = eventLoop.scheduleTask(in: .nanoseconds(Int64(delay.nanoseconds))) {
            let now = ContinuousClock.now
            self.report(self.detector.clockTicked(at: now), at: now)
            self.publish()
            self.scheduleTick()
        }
    }

    private func report(_ events: [DetectorEvent], at now: ContinuousClock.Instant) {
        for event in events {
            HeartbeatEventLog.log(event, media: media, peer: tracker.peerNode, logger: logger)
            observer(.detector(event, at: now))
        }
    }

    private func publish() {
        let view = HeartbeatSnapshot(
            announcement: announcement, peerState: detector.peer, peerRole: tracker.latest?.role,
            peerEpoch: tracker.latest?.epoch,
            links: media.indices.map { index in
                let link = detector.link(index)
                return .init(medium: media[index].written, state: link.state, lastHeard: link.lastHeard)
            },
            rejected: rejected, peerCopy: tracker.latest?.copy)
        published.withLockedValue { $0 = view }
    }
}
