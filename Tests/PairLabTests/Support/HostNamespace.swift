import Foundation
import Testing

@testable import PairLab

/// What the test process sees of its own network namespace and of the machine, read without sending
/// anything: `ip -j link`, `ip -j route`, `ip netns list`.
enum HostNamespace {
    struct Link: Decodable { var ifname: String }

    /// The interface names in this process's namespace.
    static func linkNames() async throws -> [String] {
        let output = try await CommandRunner.check(["ip", "-j", "link", "show"])
        return try JSONDecoder().decode([Link].self, from: Data(output.standardOutput.utf8)).map(\.ifname).sorted()
    }

    /// The default routes of this process's namespace (IPv4 and IPv6, every table).
    static func defaultRoutes() async throws -> [String] {
        var routes: [String] = []
        for family in ["-4", "-6"] {
            let output = try await CommandRunner.check(["ip", "-j", family, "route", "show", "table", "all", "default"])
            routes += try NetworkSafety.defaultRoutes(inRouteJSON: output.standardOutput)
        }
        return routes
    }

    /// The names of every network namespace on the machine.
    static func namespaceNames() async throws -> Set<String> {
        let output = try await CommandRunner.check(["ip", "netns", "list"])
        return Set(
            output.standardOutput.split(whereSeparator: \.isNewline).compactMap {
                $0.split(separator: " ").first.map(String.init)
            })
    }

    /// Processes of a record that still exist.
    static func survivors(of processes: [LabRunRecord.Process]) -> [LabRunRecord.Process] {
        processes.filter { ProcessTable.isAlive(pid: $0.pid, startTime: $0.startTime) }
    }
}
