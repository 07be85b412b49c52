import PairCore

/// An IPv4 address as it sits (or is to sit) on an interface.
public struct InterfaceAddress: Sendable, Equatable {
    /// The address.
    public var address: IPv4Address
    /// Its prefix length.
    public var prefixLength: Int
    /// The device, e.g. `eth0` (never with an alias label).
    public var interface: String
    /// The broadcast address; nil lets `ip` derive it from the prefix (`brd +`).
    public var broadcast: IPv4Address?
    /// The label the address carries, e.g. `eth0:pgpair`; nil for none.
    public var label: String?

    /// The label pgpair gives the addresses it adds, after the device name.
    public static let labelSuffix = ":pgpair"
    /// The longest label the kernel takes (IFNAMSIZ - 1).
    static let maximumLabelLength = 15

    /// An address; `label` defaults to `INTERFACE:pgpair` when that fits the kernel's 15 characters.
    public init(
        address: IPv4Address, prefixLength: Int, interface: String, broadcast: IPv4Address? = nil,
        label: String? = nil
    ) {
        self.address = address
        self.prefixLength = prefixLength
        self.interface = interface
        self.broadcast = broadcast
        let standard = interface + Self.labelSuffix
        self.label = label ?? (standard.count <= Self.maximumLabelLength ? standard : nil)
    }

    /// `ADDRESS/PREFIX`, as `ip` takes it.
    public var cidr: String { "\(address)/\(prefixLength)" }
}
