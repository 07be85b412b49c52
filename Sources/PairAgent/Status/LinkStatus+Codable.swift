import PairCore

extension LinkStatus: Codable {
    enum CodingKeys: String, CodingKey {
        case medium, state
        case lastHeardMilliseconds = "last_heard_ms"
    }

    /// Encodes every field, a link never heard with `last_heard_ms` null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(medium, forKey: .medium)
        try container.encode(state.rawValue, forKey: .state)
        try container.encode(lastHeardMilliseconds, forKey: .lastHeardMilliseconds)
    }

    /// Decodes the object `encode(to:)` writes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            medium: try container.decode(String.self, forKey: .medium),
            state: try container.decodeRawValue(LinkState.self, forKey: .state),
            lastHeardMilliseconds: try container.decodeIfPresent(Int64.self, forKey: .lastHeardMilliseconds))
    }
}
