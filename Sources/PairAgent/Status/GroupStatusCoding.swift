import PairCore

/// The JSON form of one `resources` entry: `{ "group", "home", "owner", "state" }`, `owner` null when no node holds
/// the group. A wrapper, because `GroupStatus` belongs to PairCore, which knows nothing of the wire.
struct GroupStatusCoding: Codable {
    enum CodingKeys: String, CodingKey {
        case group, home, owner, state
    }

    /// The group's status.
    var value: GroupStatus

    init(_ value: GroupStatus) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.group, forKey: .group)
        try container.encode(value.home, forKey: .home)
        try container.encode(value.owner, forKey: .owner)
        try container.encode(value.state.rawValue, forKey: .state)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = GroupStatus(
            group: try container.decode(String.self, forKey: .group),
            home: try container.decode(String.self, forKey: .home),
            owner: try container.decodeIfPresent(String.self, forKey: .owner),
            state: try container.decodeRawValue(GroupState.self, forKey: .state))
    }
}
