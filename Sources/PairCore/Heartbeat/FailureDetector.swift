/// Decides from accepted heartbeats and the receiver's monotonic clock whether each link and the peer are alive.
///
/// Boundaries, for a link last heard at `h`, the peer last heard (on any link) at `p`, and the start at `s`:
/// - a link is down from `h + deadtime` on (silence ≥ deadtime); links start down, never heard;
/// - the peer is dead when every link is down, i.e. from `p + deadtime` on; before it is first heard it is
///   `unknown`, and dead from `s + initdead` on;
/// - `peerSilent` is due at `p + warntime` (silence ≥ warntime), once per silence, only while the peer is up;
/// - `lateHeartbeat` is reported for a gap ≥ warntime between two accepted messages (on any links), so every
///   `peerSilent` is followed by `lateHeartbeat` or `peerDead`;
/// - a heartbeat that arrives at an instant when a deadline is also due wins: the caller's tick may come late,
///   and a peer heard at `now` is alive at `now`.
///
/// Nothing happens by itself: the caller ticks at `nextDeadline` (and may tick more often).
public struct FailureDetector<Instant: InstantProtocol>: Sendable
where Instant.Duration == Duration, Instant: Sendable {
    /// The times it applies.
    public let timing: HeartbeatTiming
    /// When this node started listening, for initdead.
    public let startedAt: Instant
    /// Every link's view, by link index.
    public private(set) var links: [LinkLiveness<Instant>]
    /// The peer's liveness.
    public private(set) var peer: PeerLiveness = .unknown
    /// When the last accepted message arrived, on any link; nil when never.
    public private(set) var lastHeard: Instant?
    /// True once `peerSilent` was reported for the current silence.
    private var silenceReported = false

    /// Creates a detector for `linkCount` links (at least one), all down, with the peer unknown.
    public init(timing: HeartbeatTiming, linkCount: Int, startedAt: Instant) {
        precondition(linkCount > 0, "a pair has at least one heartbeat link")
        self.timing = timing
        self.startedAt = startedAt
        self.links = Array(repeating: LinkLiveness(state: .down, lastHeard: nil), count: linkCount)
    }

    /// The view of link `link`.
    public func link(_ link: Int) -> LinkLiveness<Instant> {
        links[link]
    }

    /// A message was accepted on `link` at `now`. Returns, in this order: `linkDown` for other links whose
    /// deadline passed without a tick, `lateHeartbeat` for a gap ≥ warntime, `linkUp` when the link was down,
    /// `peerUp` when the peer was unknown or dead.
    public mutating func heartbeatAccepted(onLink link: Int, at now: Instant) -> [DetectorEvent] {
        precondition(links.indices.contains(link), "link \(link) is not one of the \(links.count) links")
        var events = overdueLinks(at: now).filter { $0.index != link }.map { markDown($0.index, at: now) }
        if let previous = lastHeard, previous.duration(to: now) >= timing.warntime {
            events.append(.lateHeartbeat(gap: previous.duration(to: now)))
        }
        if links[link].state == .down {
            events.append(.linkUp(link))
        }
        links[link] = LinkLiveness(state: .up, lastHeard: Self.later(links[link].lastHeard, now))
        lastHeard = Self.later(lastHeard, now)
        silenceReported = false
        if peer != .up {
            peer = .up
            events.append(.peerUp)
        }
        return events
    }

    /// The clock reached `now`. Returns what became due since the last call, in the order it became due:
    /// `peerSilent`, `linkDown`s, then `peerDead`.
    public mutating func clockTicked(at now: Instant) -> [DetectorEvent] {
        var due: [(at: Instant, event: DetectorEvent)] = []
        if peer == .up, !silenceReported, let last = lastHeard, last.advanced(by: timing.warntime) <= now {
            silenceReported = true
            due.append((last.advanced(by: timing.warntime), .peerSilent(since: last.duration(to: now))))
        }
        for link in overdueLinks(at: now) {
            due.append((link.deadline, markDown(link.index, at: now)))
        }
        switch peer {
        case .up where links.allSatisfy({ $0.state == .down }):
            if let last = lastHeard {
                peer = .dead
                due.append((last.advanced(by: timing.deadtime), .peerDead(silentFor: last.duration(to: now))))
            }
        case .unknown where startedAt.advanced(by: timing.initdead) <= now:
            peer = .dead
            due.append((startedAt.advanced(by: timing.initdead), .peerDead(silentFor: startedAt.duration(to: now))))
        default:
            break
        }
        // A stable sort keeps peerSilent before linkDown before peerDead when they fall due together.
        return due.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element.event)
    }

    /// When the caller must tick next so that no transition is late: the earliest of every up link's
    /// down-deadline, the warntime point of the current silence, and initdead while the peer is unknown. Nil when
    /// nothing is pending (the peer is dead and every link down).
    public var nextDeadline: Instant? {
        var deadlines = links.compactMap { link in
            link.state == .up ? link.lastHeard?.advanced(by: timing.deadtime) : nil
        }
        switch peer {
        case .unknown:
            deadlines.append(startedAt.advanced(by: timing.initdead))
        case .up:
            if !silenceReported, let last = lastHeard { deadlines.append(last.advanced(by: timing.warntime)) }
        case .dead:
            break
        }
        return deadlines.min()
    }

    /// The up links whose deadline has passed at `now`, with that deadline.
    private func overdueLinks(at now: Instant) -> [(index: Int, deadline: Instant)] {
        links.indices.compactMap { index in
            guard links[index].state == .up, let heard = links[index].lastHeard else { return nil }
            let deadline = heard.advanced(by: timing.deadtime)
            return deadline <= now ? (index, deadline) : nil
        }
    }

    private mutating func markDown(_ index: Int, at now: Instant) -> DetectorEvent {
        links[index].state = .down
        let silence = links[index].lastHeard.map { $0.duration(to: now) } ?? .zero
        return .linkDown(index, silentFor: silence)
    }

    private static func later(_ instant: Instant?, _ now: Instant) -> Instant {
        instant.map { max($0, now) } ?? now
    }
}
