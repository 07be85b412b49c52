import PairCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about this machine that the configuration needs: its name, its addresses, the environment.
public enum SystemFacts {
    /// An environment variable's value.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The node name as `uname -n` prints it.
    public static func hostName() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "" }
        return withUnsafeBytes(of: &names.nodename) { buffer in
            String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// This machine's IPv4 addresses, from `getifaddrs`; nil when they cannot be read.
    public static func localIPv4Addresses() -> Set<IPv4Address>? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return nil }
        defer { freeifaddrs(list) }
        var addresses: Set<IPv4Address> = []
        var cursor = list
        while let entry = cursor {
            if let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET) {
                let networkOrder = UnsafeRawPointer(socketAddress).load(as: sockaddr_in.self).sin_addr.s_addr
                addresses.insert(IPv4Address(value: UInt32(bigEndian: networkOrder)))
            }
            cursor = entry.pointee.ifa_next
        }
        return addresses
    }
}
