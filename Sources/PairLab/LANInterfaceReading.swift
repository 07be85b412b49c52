import Foundation

/// One reading of a namespace's LAN interface, from `ip -j addr show dev lan0`: whether it is up with a carrier
/// (a cut cable takes either away), and its IPv4 addresses.
public struct LANInterfaceReading: Sendable, Equatable {
    /// Administratively up with a carrier: the flags hold both `UP` and `LOWER_UP`.
    public var isUp: Bool
    /// The IPv4 addresses on the interface, without prefix.
    public var addresses: [String]

    public init(isUp: Bool, addresses: [String]) {
        self.isUp = isUp
        self.addresses = addresses
    }

    /// Whether `address` is on the interface.
    public func holds(_ address: String) -> Bool {
        addresses.contains(address)
    }

    private struct Link: Decodable {
        struct Address: Decodable {
            var family: String
            var local: String?
        }

        var flags: [String]
        var addrInfo: [Address]

        enum CodingKeys: String, CodingKey {
            case flags
            case addrInfo = "addr_info"
        }
    }

    /// Parses what `ip -j addr show dev IF` printed: an array with the interface's one object.
    public static func parse(json: String) throws -> LANInterfaceReading {
        let links = try JSONDecoder().decode([Link].self, from: Data(json.utf8))
        guard links.count == 1, let link = links.first else {
            throw LabError(
                .commandFailed, "`ip -j addr show dev …` printed \(links.count) interfaces, not one: \(json)")
        }
        return LANInterfaceReading(
            isUp: link.flags.contains("UP") && link.flags.contains("LOWER_UP"),
            addresses: link.addrInfo.filter { $0.family == "inet" }.compactMap(\.local))
    }
}
