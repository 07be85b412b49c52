import PairCore

extension NodeStatus: Codable {
    enum CodingKeys: String, CodingKey {
        case node, role, epoch, generation, peer, resources, ping, sync
        case blockedReason = "blocked_reason"
        case blockNeedsOperator = "block_needs_operator"
        case protocolVersion = "protocol"
    }

    /// Encodes every field, absent ones as null (the contract: never omitted, never "").
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node, forKey: .node)
        try container.encode(role.rawValue, forKey: .role)
        try container.encode(blockedReason, forKey: .blockedReason)
        try container.encode(blockNeedsOperator, forKey: .blockNeedsOperator)
        try container.encode(epoch, forKey: .epoch)
        try container.encode(generation, forKey: .generation)
        try container.encode(protocolVersion, forKey: .protocolVersion)
        try container.encode(peer, forKey: .peer)
        try container.encode(resources.map(GroupStatusCoding.init), forKey: .resources)
        try container.encode(ping, forKey: .ping)
        try container.encode(sync, forKey: .sync)
    }

    /// Decodes the object `encode(to:)` writes; `resources`, `ping` and `sync` may be missing (an agent older than the
    /// field).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            node: try container.decode(String.self, forKey: .node),
            role: try container.decodeRawValue(NodeRole.self, forKey: .role),
            blockedReason: try container.decodeIfPresent(String.self, forKey: .blockedReason),
            blockNeedsOperator: try container.decode(Bool.self, forKey: .blockNeedsOperator),
            epoch: try container.decode(UInt64.self, forKey: .epoch),
            generation: try container.decode(UInt64.self, forKey: .generation),
            protocolVersion: try container.decode(Int.self, forKey: .protocolVersion),
            peer: try container.decode(PeerStatus.self, forKey: .peer),
            resources: try container.decodeIfPresent([GroupStatusCoding].self, forKey: .resources)?.map(\.value) ?? [],
            sync: try container.decodeIfPresent(SyncStatus.self, forKey: .sync),
            ping: try container.decodeIfPresent([PingTargetStatus].self, forKey: .ping) ?? [])
    }
}
