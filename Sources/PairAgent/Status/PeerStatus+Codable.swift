import PairCore

extension PeerStatus: Codable {
    enum CodingKeys: String, CodingKey {
        case node, state, role, epoch, links, rejected
    }

    /// Encodes every field, absent ones as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node, forKey: .node)
        try container.encode(state.rawValue, forKey: .state)
        try container.encode(role?.rawValue, forKey: .role)
        try container.encode(epoch, forKey: .epoch)
        try container.encode(links, forKey: .links)
        try container.encode(rejected, forKey: .rejected)
    }

    /// Decodes the object `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            node: try container.decode(String.self, forKey: .node),
            state: try container.decodeRawValue(PeerLiveness.self, forKey: .state),
            role: try container.decodeRawValueIfPresent(NodeRole.self, forKey: .role),
            epoch: try container.decodeIfPresent(UInt64.self, forKey: .epoch),
            links: try container.decode([LinkStatus].self, forKey: .links),
            rejected: try container.decode(RejectedCounts.self, forKey: .rejected))
    }
}
