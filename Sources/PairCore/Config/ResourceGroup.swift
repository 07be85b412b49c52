/// One haresources line: a home node and resources that start left to right and stop right to left.
public struct ResourceGroup: Sendable, Equatable {
    /// The node the group belongs on (lower case).
    public var homeNode: String
    /// The resources, in start order; never empty.
    public var resources: [Resource]
    /// The haresources line the group starts on.
    public var line: Int

    /// Creates a group.
    public init(homeNode: String, resources: [Resource], line: Int) {
        self.homeNode = homeNode
        self.resources = resources
        self.line = line
    }

    /// The group's name: its first resource as written, as `status` shows it.
    public var name: String { resources.first?.written ?? "" }

    /// The resources in start order (left to right).
    public var startOrder: [Resource] { resources }

    /// The resources in stop order (right to left).
    public var stopOrder: [Resource] { resources.reversed() }

    /// True when the group holds PostgreSQL; a node's role follows this group.
    public var holdsPostgres: Bool { resources.contains(where: \.isPostgres) }
}
