extension ServiceAddress {
    /// Parses `ADDRESS[/PREFIX[/INTERFACE[/BROADCAST]]]`; on failure returns what to write instead.
    static func parse(_ text: String) -> Result<ServiceAddress, ParseFailure> {
        let usage = "write ADDRESS[/PREFIX[/INTERFACE[/BROADCAST]]], e.g. `IPaddr::10.0.0.100/24/eth0`"
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...4).contains(parts.count) else {
            return .failure(ParseFailure("`\(text)` has too many parts; \(usage)"))
        }
        guard let address = IPv4Address(parts[0]) else {
            return .failure(ParseFailure("`\(parts[0])` is not an IPv4 address; \(usage)"))
        }
        guard !address.isUnusableAsHost else {
            return .failure(ParseFailure("\(address) cannot be a service address; write a unicast host address"))
        }
        var result = ServiceAddress(address: address)
        if parts.count > 1 {
            guard let prefix = Int(parts[1]), parts[1].allSatisfy(\.isNumber), (1...32).contains(prefix) else {
                return .failure(ParseFailure("the prefix `\(parts[1])` is not a prefix length from 1 to 32; \(usage)"))
            }
            if prefix <= 30, let problem = hostPartProblem(address, prefix: prefix) {
                return .failure(ParseFailure(problem))
            }
            result.prefixLength = prefix
        }
        if parts.count > 2 {
            let interface = parts[2]
            guard !interface.isEmpty, interface.utf8.count <= 15,
                interface.allSatisfy({ $0.isASCII && !$0.isWhitespace })
            else {
                return .failure(ParseFailure("`\(interface)` is not a network interface name; \(usage)"))
            }
            result.interface = interface
        }
        if parts.count > 3 {
            guard let broadcast = IPv4Address(parts[3]) else {
                return .failure(ParseFailure("the broadcast `\(parts[3])` is not an IPv4 address; \(usage)"))
            }
            result.broadcast = broadcast
        }
        return .success(result)
    }

    private static func hostPartProblem(_ address: IPv4Address, prefix: Int) -> String? {
        let hostMask: UInt32 = prefix == 32 ? 0 : UInt32.max >> UInt32(prefix)
        switch address.value & hostMask {
        case 0: return "\(address) is the network address of its /\(prefix); write a host address"
        case hostMask: return "\(address) is the broadcast address of its /\(prefix); write a host address"
        default: return nil
        }
    }

    /// Why a service address was refused, as a message that says what to write instead.
    struct ParseFailure: Error, Equatable {
        var message: String

        init(_ message: String) {
            self.message = message
        }
    }
}
