import Foundation

@testable import PairNet

/// What `ip` says about links and neighbours in the test's own namespace, for the ARP tests.
enum ARPTestNetwork {
    /// A documentation hardware address (RFC 7042) that no test interface has.
    static let stranger = MACAddress("00:00:5e:00:53:01")!

    /// The hardware address of `interface`, from `ip -j link`.
    static func hardwareAddress(of interface: String) async throws -> MACAddress? {
        struct Link: Decodable { var address: String }
        let output = try await Command.check(["ip", "-j", "link", "show", "dev", interface])
        return try JSONDecoder().decode([Link].self, from: Data(output.utf8)).first.flatMap { MACAddress($0.address) }
    }

    /// The hardware address the neighbour entry for `address` on `interface` points at; nil without one.
    static func neighbour(_ address: String, on interface: String) async throws -> MACAddress? {
        struct Neighbour: Decodable { var lladdr: String? }
        let output = try await Command.check(["ip", "-j", "neigh", "show", address, "dev", interface])
        return try JSONDecoder().decode([Neighbour].self, from: Data(output.utf8)).first?.lladdr.flatMap {
            MACAddress($0)
        }
    }

    /// Gives `interface` a stale neighbour entry for `address` pointing at `stranger`: without arp_accept the
    /// kernel updates only entries it has, so only an announcement can move this one.
    static func seedNeighbour(_ address: String, on interface: String) async throws {
        try await Command.check(
            ["ip", "neigh", "replace", address, "lladdr", "\(stranger)", "dev", interface, "nud", "stale"])
    }
}
