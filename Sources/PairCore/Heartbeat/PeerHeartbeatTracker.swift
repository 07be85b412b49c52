/// Per-link replay protection and the peer's newest message.
///
/// Every link carries every message, so each link keeps the position (generation, sequence) of the last message
/// it accepted, and a message counts on a link only when it is newer than that. The serial copy of message N
/// arriving after the UDP copy of N+1 still counts for the serial link; a duplicate, or a captured message
/// replayed later, counts nowhere. A generation older than the newest one accepted on any link is a replay on
/// every link (the peer has restarted since); a newer one is the peer's restart.
public struct PeerHeartbeatTracker: Sendable {
    /// This node's name: messages from it are loopback copies.
    public let localNode: String
    /// The peer's name: the only node whose messages count.
    public let peerNode: String
    /// The position of the last message accepted on each link; nil until one is.
    public private(set) var lastAccepted: [HeartbeatPosition?]
    /// The newest message accepted on any link; the peer's state is taken from it. Nil until one is.
    public private(set) var latest: HeartbeatMessage?
    /// The peer's newest generation this node had accepted before it restarted (kept in `state_dir`): an older
    /// one is a replay even before anything has been heard in this run.
    public let generationFloor: UInt64

    /// Creates a tracker for `linkCount` links (at least one), none of them heard yet.
    public init(localNode: String, peerNode: String, linkCount: Int, generationFloor: UInt64 = 0) {
        precondition(linkCount > 0, "a pair has at least one heartbeat link")
        self.generationFloor = generationFloor
        self.localNode = localNode.lowercased()
        self.peerNode = peerNode.lowercased()
        self.lastAccepted = Array(repeating: nil, count: linkCount)
    }

    /// The number of links.
    public var linkCount: Int { lastAccepted.count }

    /// Takes a decoded, authenticated message that arrived on `link` (0 ..< linkCount). Node names are compared
    /// without regard to case, as ha.cf's are.
    public mutating func accept(_ message: HeartbeatMessage, onLink link: Int) -> HeartbeatAcceptance {
        precondition(lastAccepted.indices.contains(link), "link \(link) is not one of the \(linkCount) links")
        let sender = message.sender.lowercased()
        if sender == localNode { return .ignoredOwnMessage }
        guard sender == peerNode else {
            return .rejected(.malformed("from \(message.sender), a node not in ha.cf (the peer is \(peerNode))"))
        }
        let position = message.position
        if position.generation < generationFloor {
            return .rejected(
                .replay(
                    "\(position) on link \(link) is older than the peer's generation \(generationFloor) heard before this "
                        + "node restarted"))
        }
        if let newest = latest?.position, position.generation < newest.generation {
            return .rejected(
                .replay("\(position) on link \(link) is older than the peer's current generation \(newest.generation)"))
        }
        if let last = lastAccepted[link], position <= last {
            let what = position == last ? "a duplicate of" : "older than"
            return .rejected(.replay("\(position) on link \(link) is \(what) the last one accepted there (\(last))"))
        }
        let restarted = latest.map { position.generation > $0.generation } ?? false
        let newest = latest.map { position > $0.position } ?? true
        lastAccepted[link] = position
        if newest { latest = message }
        return .accepted(newest: newest, peerRestarted: restarted)
    }
}
