import Foundation

/// What `pgpair status --json` printed, decoded by the lab on its own terms: the contract of
/// docs/status-json.md, read strictly. Every documented key must be present (null where the contract allows
/// it) and every enumeration must hold a documented value, or decoding fails — so a test that reads a status
/// also checks the contract. Keys this type does not know are ignored, as the contract allows new fields.
public struct AgentStatusReport: Decodable, Sendable, Equatable, CustomStringConvertible {
    /// The peer's liveness as this node judges it.
    public enum PeerState: String, Decodable, Sendable {
        case up, dead, unknown
    }

    /// A link's state.
    public enum LinkState: String, Decodable, Sendable {
        case up, down
    }

    /// One heartbeat medium as this node sees it.
    public struct Link: Decodable, Sendable, Equatable {
        /// The ha.cf line as written, e.g. `ucast hb0 198.18.2.2`.
        public var medium: String
        public var state: LinkState
        /// The age of the newest valid message on this link; nil when never heard.
        public var lastHeardMilliseconds: Int64?

        enum CodingKeys: String, CodingKey {
            case medium, state
            case lastHeardMilliseconds = "last_heard_ms"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            medium = try container.decode(String.self, forKey: .medium)
            state = try container.decode(LinkState.self, forKey: .state)
            lastHeardMilliseconds = try container.decode(Int64?.self, forKey: .lastHeardMilliseconds)
        }
    }

    /// Messages rejected since the agent started.
    public struct Rejected: Decodable, Sendable, Equatable {
        public var auth: Int
        public var replay: Int
        public var malformed: Int
    }

    /// What this node knows of its peer.
    public struct Peer: Decodable, Sendable, Equatable {
        public var node: String
        public var state: PeerState
        /// The role in the peer's newest heartbeat; nil when never heard.
        public var role: String?
        public var epoch: UInt64?
        public var links: [Link]
        public var rejected: Rejected

        enum CodingKeys: String, CodingKey {
            case node, state, role, epoch, links, rejected
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            node = try container.decode(String.self, forKey: .node)
            state = try container.decode(PeerState.self, forKey: .state)
            role = try container.decode(String?.self, forKey: .role)
            epoch = try container.decode(UInt64?.self, forKey: .epoch)
            links = try container.decode([Link].self, forKey: .links)
            rejected = try container.decode(Rejected.self, forKey: .rejected)
        }

        /// The link whose medium is `medium`, as written in ha.cf.
        public func link(_ medium: String) -> Link? {
            links.first { $0.medium == medium }
        }
    }

    /// A resource group as this node sees it.
    public struct ResourceGroup: Decodable, Sendable, Equatable {
        /// A group's state, as the contract documents it.
        public enum State: String, Decodable, Sendable {
            case running, stopped, starting, stopping, failed
        }

        /// The group's name: its first resource as written in haresources.
        public var group: String
        /// Its home node.
        public var home: String
        /// The node holding it; nil when none does.
        public var owner: String?
        public var state: State

        enum CodingKeys: String, CodingKey {
            case group, home, owner, state
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            group = try container.decode(String.self, forKey: .group)
            home = try container.decode(String.self, forKey: .home)
            owner = try container.decode(String?.self, forKey: .owner)
            state = try container.decode(State.self, forKey: .state)
        }
    }

    /// A ping target as this node sees it (`ping[]`).
    public struct PingTarget: Decodable, Sendable, Equatable {
        /// The address, or the `ping_group`'s name.
        public var target: String
        /// `up` when it answered in the latest round.
        public var state: LinkState
    }

    /// The roles the contract documents.
    public static let roles: Set<String> = ["standby", "starting", "active", "stopping", "blocked", "maintenance"]

    public var node: String
    public var role: String
    public var blockedReason: String?
    public var blockNeedsOperator: Bool
    public var epoch: UInt64
    public var generation: UInt64
    public var protocolVersion: Int
    public var peer: Peer
    /// The resource groups; nil from an agent that does not report them yet (the contract adds the key with
    /// resource groups). When present, every entry is decoded strictly.
    public var resources: [ResourceGroup]?
    /// The ping targets; nil from an agent that does not report them yet.
    public var ping: [PingTarget]?
    /// The JSON as printed, for messages.
    public var json: String = ""

    enum CodingKeys: String, CodingKey {
        case node, role, epoch, generation, peer, resources, ping
        case blockedReason = "blocked_reason"
        case blockNeedsOperator = "block_needs_operator"
        case protocolVersion = "protocol"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        node = try container.decode(String.self, forKey: .node)
        role = try container.decode(String.self, forKey: .role)
        blockedReason = try container.decode(String?.self, forKey: .blockedReason)
        blockNeedsOperator = try container.decode(Bool.self, forKey: .blockNeedsOperator)
        epoch = try container.decode(UInt64.self, forKey: .epoch)
        generation = try container.decode(UInt64.self, forKey: .generation)
        protocolVersion = try container.decode(Int.self, forKey: .protocolVersion)
        peer = try container.decode(Peer.self, forKey: .peer)
        resources = try container.decodeIfPresent([ResourceGroup].self, forKey: .resources)
        ping = try container.decodeIfPresent([PingTarget].self, forKey: .ping)
        if blockedReason == "" {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [CodingKeys.blockedReason], debugDescription: "an absent value is null, never \"\""))
        }
        for role in [role] + (peer.role.map { [$0] } ?? []) where !Self.roles.contains(role) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [CodingKeys.role], debugDescription: "`\(role)` is not a documented role"))
        }
    }

    /// Decodes the object `pgpair status --json` printed.
    public static func parse(json: String) throws -> AgentStatusReport {
        var report = try JSONDecoder().decode(AgentStatusReport.self, from: Data(json.utf8))
        report.json = json
        return report
    }

    /// Whether the peer is up and every link is up: the view of a healthy pair.
    public var peerUpOnEveryLink: Bool {
        peer.state == .up && !peer.links.isEmpty && peer.links.allSatisfy { $0.state == .up }
    }

    /// The group named `name`, when the agent reports it.
    public func group(_ name: String) -> ResourceGroup? {
        resources?.first { $0.group == name }
    }

    public var description: String {
        let links = peer.links.map { "\($0.medium)=\($0.state.rawValue)" }.joined(separator: ", ")
        return "\(node): peer \(peer.node) \(peer.state.rawValue) [\(links)] generation \(generation) rejected "
            + "auth \(peer.rejected.auth) replay \(peer.rejected.replay) malformed \(peer.rejected.malformed)"
    }

    public static func == (lhs: AgentStatusReport, rhs: AgentStatusReport) -> Bool {
        lhs.node == rhs.node && lhs.role == rhs.role && lhs.blockedReason == rhs.blockedReason
            && lhs.blockNeedsOperator == rhs.blockNeedsOperator && lhs.epoch == rhs.epoch
            && lhs.generation == rhs.generation && lhs.protocolVersion == rhs.protocolVersion && lhs.peer == rhs.peer
            && lhs.resources == rhs.resources && lhs.ping == rhs.ping
    }
}
