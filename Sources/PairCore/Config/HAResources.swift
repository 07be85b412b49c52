/// The validated contents of `haresources`: the resource groups.
public struct HAResources: Sendable, Equatable {
    /// The groups, in file order.
    public var groups: [ResourceGroup]

    /// Creates the resource configuration.
    public init(groups: [ResourceGroup]) {
        self.groups = groups
    }

    /// The group that holds `pgsql`, if any (there is at most one).
    public var postgresGroup: ResourceGroup? { groups.first(where: \.holdsPostgres) }
}
