/// pgpair's whole configuration: ha.cf, haresources and authkeys, validated together.
public struct PairConfiguration: Sendable, Equatable {
    /// The contents of ha.cf.
    public var ha: HAConfiguration
    /// The resource groups of haresources.
    public var resources: HAResources
    /// The keys of authkeys.
    public var authKeys: AuthKeys

    /// Creates a configuration from its three parts.
    public init(ha: HAConfiguration, resources: HAResources, authKeys: AuthKeys) {
        self.ha = ha
        self.resources = resources
        self.authKeys = authKeys
    }
}
