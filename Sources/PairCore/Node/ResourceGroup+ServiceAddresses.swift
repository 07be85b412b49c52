extension ResourceGroup {
    /// The service addresses of the group's `IPaddr` resources, in start order: what the duplicate-address guard
    /// probes before the group is started.
    public var serviceAddresses: [IPv4Address] {
        resources.compactMap { resource in
            if case .serviceAddress(let address) = resource.kind { return address.address }
            return nil
        }
    }
}
