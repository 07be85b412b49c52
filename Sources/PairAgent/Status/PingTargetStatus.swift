import PairCore

/// One ping target in `status`: its name (the address, or the `ping_group` name) and whether the latest round of
/// the continuous ping reached it.
public struct PingTargetStatus: Sendable, Equatable, Codable {
    /// The target as `status` names it.
    public var target: String
    /// `up` when it answered in the latest round.
    public var state: LinkState

    /// A target's status.
    public init(target: String, state: LinkState) {
        self.target = target
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case target, state
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(target, forKey: .target)
        try container.encode(state.rawValue, forKey: .state)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            target: try container.decode(String.self, forKey: .target),
            state: try container.decodeRawValue(LinkState.self, forKey: .state))
    }
}
