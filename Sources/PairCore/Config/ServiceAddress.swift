/// The argument of an `IPaddr` resource: `ADDRESS[/PREFIX[/INTERFACE[/BROADCAST]]]`.
///
/// What is not given is found when the address is added, from the interface whose subnet holds it (as heartbeat's
/// IPaddr did).
public struct ServiceAddress: Sendable, Equatable {
    /// The service address.
    public var address: IPv4Address
    /// The prefix length (netmask), if given.
    public var prefixLength: Int?
    /// The interface (optionally with an alias label, `eth0:0`), if given.
    public var interface: String?
    /// The broadcast address, if given.
    public var broadcast: IPv4Address?

    /// Creates a service address.
    public init(address: IPv4Address, prefixLength: Int? = nil, interface: String? = nil, broadcast: IPv4Address? = nil)
    {
        self.address = address
        self.prefixLength = prefixLength
        self.interface = interface
        self.broadcast = broadcast
    }
}
