/// A `ping` address or `ping_group`: before taking over, at least one target must answer.
public struct PingTarget: Sendable, Equatable {
    /// A single address, or a group that answers when any member does.
    public enum Kind: Sendable, Equatable {
        /// `ping IP`: one address.
        case address(IPv4Address)
        /// `ping_group NAME IP…`: reachable when any member answers.
        case group(name: String, members: [IPv4Address])
    }

    /// The target.
    public var kind: Kind
    /// The ha.cf line it was declared on.
    public var line: Int

    /// Creates a ping target.
    public init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The name `status` shows: the address, or the group's name.
    public var name: String {
        switch kind {
        case .address(let address): return address.description
        case .group(let name, _): return name
        }
    }
}
