import PairCore

/// Adds, removes and finds IPv4 addresses on this host's interfaces.
public protocol AddressControl: Sendable {
    /// Adds the address with its label; throws when the kernel refuses.
    func add(_ address: InterfaceAddress) async throws
    /// Removes the address from its interface; throws when the kernel refuses.
    func remove(_ address: InterfaceAddress) async throws
    /// Every IPv4 address on every interface (or only on `interface`), as the kernel lists them.
    func addresses(on interface: String?) async throws -> [InterfaceAddress]
}

extension AddressControl {
    /// Where `address` sits now, on `interface` or, when nil, on any interface.
    public func holder(of address: IPv4Address, on interface: String?) async throws -> InterfaceAddress? {
        try await addresses(on: interface).first { $0.address == address }
    }

    /// The address of an interface whose subnet holds `address` (not `address` itself), when one does.
    public func subnet(containing address: IPv4Address) async throws -> InterfaceAddress? {
        try await addresses(on: nil).first { candidate in
            candidate.address != address && candidate.prefixLength > 0
                && Self.network(of: candidate.address, prefix: candidate.prefixLength)
                    == Self.network(of: address, prefix: candidate.prefixLength)
        }
    }

    static func network(of address: IPv4Address, prefix: Int) -> UInt32 {
        let mask: UInt32 = prefix >= 32 ? .max : ~(UInt32.max >> UInt32(prefix))
        return address.value & mask
    }
}
