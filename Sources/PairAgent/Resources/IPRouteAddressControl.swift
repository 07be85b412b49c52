import Foundation
import PairCore

/// ``AddressControl`` through iproute2's `ip`: `ip addr add ADDR/PREFIX brd B|+ dev IF label IF:pgpair`,
/// `ip addr del ADDR/PREFIX dev IF`, and `ip -j addr show [dev IF]` (JSON, so no text scraping).
public struct IPRouteAddressControl: AddressControl {
    private let processes: any ProcessRunner
    private let ipPath: String
    private let timeout: Duration

    /// Control through `ipPath`, each call bounded by `timeout`.
    public init(
        processes: any ProcessRunner = SubprocessRunner(), ipPath: String = "/usr/sbin/ip",
        timeout: Duration
    ) {
        self.processes = processes
        self.ipPath = FileManager.default.isExecutableFile(atPath: ipPath) ? ipPath : "/sbin/ip"
        self.timeout = timeout
    }

    public func add(_ address: InterfaceAddress) async throws {
        var arguments = [
            "-4", "addr", "add", address.cidr, "brd", address.broadcast.map { "\($0)" } ?? "+",
            "dev", address.interface,
        ]
        if let label = address.label { arguments += ["label", label] }
        try await ip(arguments, "add \(address.cidr) to \(address.interface)")
    }

    public func remove(_ address: InterfaceAddress) async throws {
        try await ip(
            ["-4", "addr", "del", address.cidr, "dev", address.interface],
            "remove \(address.cidr) from \(address.interface)")
    }

    public func addresses(on interface: String?) async throws -> [InterfaceAddress] {
        let outcome = try await processes.run(
            ProcessCommand(
                ipPath, ["-j", "-4", "addr", "show"] + (interface.map { ["dev", $0] } ?? []),
                timeout: timeout, outputLimit: 1 << 20))
        guard outcome.succeeded else {
            throw ResourceError(
                .actionFailed,
                "ip cannot list the addresses\(interface.map { " of \($0)" } ?? ""): \(outcome.summary)")
        }
        return try Self.parse(outcome.output)
    }

    private func ip(_ arguments: [String], _ what: String) async throws {
        let outcome = try await processes.run(ProcessCommand(ipPath, arguments, timeout: timeout))
        guard outcome.succeeded else {
            throw ResourceError(.actionFailed, "ip could not \(what): \(outcome.summary)")
        }
    }

    private struct Link: Decodable {
        var ifname: String
        var addr_info: [Entry]?
    }

    private struct Entry: Decodable {
        var family: String?
        var local: String?
        var prefixlen: Int?
        var broadcast: String?
        var label: String?
    }

    /// The IPv4 addresses in `ip -j addr show`'s output.
    static func parse(_ json: String) throws -> [InterfaceAddress] {
        let trimmed = json.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let links: [Link]
        do {
            links = try JSONDecoder().decode([Link].self, from: Data(trimmed.utf8))
        } catch {
            throw ResourceError(.actionFailed, "ip -j addr show printed something that is not its JSON: \(error)")
        }
        return links.flatMap { link in
            (link.addr_info ?? []).compactMap { entry -> InterfaceAddress? in
                guard entry.family == "inet", let local = entry.local.flatMap(IPv4Address.init),
                    let prefix = entry.prefixlen
                else { return nil }
                return InterfaceAddress(
                    address: local, prefixLength: prefix, interface: link.ifname,
                    broadcast: entry.broadcast.flatMap(IPv4Address.init), label: entry.label ?? link.ifname)
            }
        }
    }
}
