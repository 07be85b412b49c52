import Foundation

/// The lab's first rule: it runs only in a network namespace with no route off the machine.
///
/// The check reads routing tables (`ip -j route show table all default`, IPv4 and IPv6); it sends nothing.
public enum NetworkSafety {
    /// One route as `ip -j route` prints it (only the fields the check reads).
    struct Route: Decodable {
        var dst: String?
        var type: String?
        var gateway: String?
        var dev: String?
        var table: String?
    }

    /// Route types that carry no packet anywhere.
    static let harmlessTypes: Set<String> = ["unreachable", "blackhole", "prohibit", "throw"]

    /// The default routes that could carry packets off the machine, described for a message, in the JSON
    /// `ip -j route show` printed. Throws when the text is not that JSON: an unreadable table is no proof
    /// of isolation.
    public static func defaultRoutes(inRouteJSON json: String) throws(LabError) -> [String] {
        let trimmed = json.trimmingCharacters(in: .whitespacesAndNewlines)
        let routes: [Route]
        do {
            routes = try JSONDecoder().decode([Route].self, from: Data(trimmed.isEmpty ? "[]".utf8 : trimmed.utf8))
        } catch {
            throw LabError(.notIsolated, "cannot read the routing table (\(error)); refusing to start")
        }
        return routes.filter { route in
            route.dst == "default" && !harmlessTypes.contains(route.type ?? "unicast")
        }.map { route in
            [
                "default", route.gateway.map { "via \($0)" }, route.dev.map { "dev \($0)" },
                route.table.map { "table \($0)" },
            ]
            .compactMap { $0 }.joined(separator: " ")
        }
    }

    /// Throws `notIsolated` unless this process's network namespace has no default route, IPv4 or IPv6.
    public static func requireIsolation() async throws {
        var found: [String] = []
        for family in ["-4", "-6"] {
            let output = try await CommandRunner.check(["ip", "-j", family, "route", "show", "table", "all", "default"])
            found += try defaultRoutes(inRouteJSON: output.standardOutput)
        }
        guard found.isEmpty else {
            throw LabError(
                .notIsolated,
                "this network namespace has a route off the machine (\(found.joined(separator: "; "))); "
                    + "run the lab in a namespace of its own, e.g. `unshare --net -- sh -c 'ip link set lo up && …'`"
            )
        }
    }
}
