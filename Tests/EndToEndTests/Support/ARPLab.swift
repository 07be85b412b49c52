import Foundation
import PairLab
import Testing

/// Runs `pgpair-lab arp` in lab namespaces and reads what the kernels there say about links and neighbours.
enum ARPLab {
    /// What `pgpair-lab arp` printed (see `ARPHelperReport` in pgpair-lab), with its exit status.
    struct Report: Decodable {
        struct Failure: Decodable {
            var code: String
            var message: String
        }

        var ok: Bool
        var result: String?
        var mac: String?
        var error: Failure?
        var exitCode: Int32 = 0

        enum CodingKeys: String, CodingKey {
            case ok, result, mac, error
        }
    }

    /// A documentation hardware address (RFC 7042) that no lab interface has.
    static let stranger = "00:00:5e:00:53:01"

    /// Gives the client a stale neighbour entry for `address` pointing at `stranger`. Without arp_accept a kernel
    /// updates only an entry it has, so that only an announcement can move this one.
    static func seedClientNeighbour(_ address: String, in lab: Lab) async throws {
        try await command(
            ["ip", "neigh", "replace", address, "lladdr", stranger, "dev", lab.topology.lanInterface, "nud", "stale"],
            in: .client, lab)
    }

    /// Runs a short command (`ip …`) in `namespace` and throws unless it succeeds.
    static func command(_ arguments: [String], in namespace: LabNamespace, _ lab: Lab) async throws {
        _ = try await lab.run(in: namespace, arguments).checked()
    }

    /// `pgpair-lab arp probe` for `address` on `interface` (the LAN interface unless told) in `node`'s namespace.
    static func probe(
        _ address: String, from node: LabNode, on interface: String? = nil, in lab: Lab, _ options: [String] = []
    ) async throws -> Report {
        try await helper(
            ["probe", "--address", address, "--interface", interface ?? lab.topology.lanInterface] + options,
            on: node, in: lab)
    }

    /// `pgpair-lab arp announce` for `address` on the LAN interface of `node`.
    static func announce(_ address: String, from node: LabNode, in lab: Lab, _ options: [String] = []) async throws
        -> Report
    {
        try await helper(
            ["announce", "--address", address, "--interface", lab.topology.lanInterface] + options, on: node, in: lab)
    }

    /// The hardware address of `interface` (the LAN interface unless told) in `namespace`, from `ip -j link`.
    static func hardwareAddress(of namespace: LabNamespace, interface: String? = nil, in lab: Lab) async throws
        -> String
    {
        struct Link: Decodable { var address: String }
        let output = try await lab.run(
            in: namespace, ["ip", "-j", "link", "show", "dev", interface ?? lab.topology.lanInterface]
        ).checked()
        let links = try JSONDecoder().decode([Link].self, from: Data(output.standardOutput.utf8))
        return try #require(links.first?.address)
    }

    /// Waits (at most 5 s) until `node`'s LAN interface is operational again: a veth end gets its carrier a moment
    /// after both ends are up. Returns whether it did.
    static func carrier(on node: LabNode, in lab: Lab) async throws -> Bool {
        struct Link: Decodable { var operstate: String }
        for _ in 0..<50 {
            let output = try await lab.run(
                in: .node(node), ["ip", "-j", "link", "show", "dev", lab.topology.lanInterface]
            ).checked()
            let links = try JSONDecoder().decode([Link].self, from: Data(output.standardOutput.utf8))
            if links.first?.operstate == "UP" { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// The hardware address the client's neighbour entry for `address` points at, nil when it has none.
    static func clientNeighbour(_ address: String, in lab: Lab) async throws -> String? {
        struct Neighbour: Decodable { var lladdr: String? }
        let output = try await lab.run(
            in: .client, ["ip", "-j", "neigh", "show", address, "dev", lab.topology.lanInterface]
        ).checked()
        let entries = try JSONDecoder().decode([Neighbour].self, from: Data(output.standardOutput.utf8))
        return entries.first?.lladdr
    }

    /// Polls the client's neighbour entry for `address` until it points at `expected` (the kernel handles a
    /// received ARP packet a moment after the sender returns), for at most 5 s; returns what it last saw.
    static func clientNeighbour(_ address: String, becoming expected: String, in lab: Lab) async throws -> String? {
        var seen = try await clientNeighbour(address, in: lab)
        for _ in 0..<50 where seen != expected {
            try await Task.sleep(for: .milliseconds(100))
            seen = try await clientNeighbour(address, in: lab)
        }
        return seen
    }

    private static func helper(_ arguments: [String], on node: LabNode, in lab: Lab) async throws -> Report {
        let output = try await lab.run(
            in: .node(node), [lab.executables.pgpairLab, "arp"] + arguments, timeout: .seconds(30))
        let line = output.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        var report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(line.utf8))
        } catch {
            Issue.record("pgpair-lab arp \(arguments) printed no report: \(output)")
            throw error
        }
        report.exitCode = output.exitCode
        return report
    }
}
