/// One resource group in `status`: `{ "group", "home", "owner", "state" }`.
public struct GroupStatus: Sendable, Equatable {
    /// The group's name: its first resource as written.
    public var group: String
    /// The group's home node.
    public var home: String
    /// The node that holds it, or nil when none does (as far as this node knows).
    public var owner: String?
    /// Its state.
    public var state: GroupState

    /// Creates a group status.
    public init(group: String, home: String, owner: String?, state: GroupState) {
        self.group = group
        self.home = home
        self.owner = owner
        self.state = state
    }
}
