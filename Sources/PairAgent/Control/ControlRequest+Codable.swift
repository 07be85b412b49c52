import PairCore

extension ControlRequest: Codable {
    enum CodingKeys: String, CodingKey {
        case command, force, on
    }

    /// Writes `command`, plus `force` for `takeover` and `on` for `maintenance`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command.rawValue, forKey: .command)
        switch self {
        case .operatorCommand(.takeover(let force)): try container.encode(force, forKey: .force)
        case .operatorCommand(.maintenance(let on)): try container.encode(on, forKey: .on)
        case .status, .operatorCommand(.standby), .operatorCommand(.unblock): break
        }
    }

    /// Reads what `encode(to:)` writes. `force` may be left out (false); `on` is required for `maintenance`, so
    /// that a request cannot switch maintenance by accident. Fields another command does not use are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decodeRawValue(Command.self, forKey: .command) {
        case .status: self = .status
        case .standby: self = .operatorCommand(.standby)
        case .takeover:
            self = .operatorCommand(.takeover(force: try container.decodeIfPresent(Bool.self, forKey: .force) ?? false))
        case .maintenance: self = .operatorCommand(.maintenance(on: try container.decode(Bool.self, forKey: .on)))
        case .unblock: self = .operatorCommand(.unblock)
        }
    }
}
