import Glibc
import NIOCore
import PairCore

/// What the kernel says about an interface now. Both calls are quick and never block.
enum NetworkInterfaces {
    /// The interface's index, or nil when no interface has that name.
    static func index(of name: String) -> CInt? {
        let index = if_nametoindex(name)
        return index == 0 ? nil : CInt(index)
    }

    /// The IPv4 broadcast address of the interface's first address that has one (getifaddrs), or nil.
    static func broadcastAddress(of name: String) -> IPv4Address? {
        guard let devices = try? System.enumerateDevices() else { return nil }
        for device in devices where device.name == name {
            if case .v4(let address) = device.broadcastAddress {
                return IPv4Address(value: UInt32(bigEndian: address.address.sin_addr.s_addr))
            }
        }
        return nil
    }
}
