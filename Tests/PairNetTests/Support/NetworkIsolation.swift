import Foundation
import Testing

/// Tests that create interfaces or send datagrams run only in a network namespace of their own, with no route
/// off the machine (`unshare --net`, as `make test` runs them) and loopback up.
enum NetworkIsolation {
    /// Nil when this process may create interfaces; otherwise why not. (/proc/net is this process's network
    /// namespace; /sys/class/net would be the host's, since the tests do not have a mount namespace of their own.)
    static func refusal() async -> String? {
        let ipv4 = (try? String(contentsOfFile: "/proc/net/route", encoding: .utf8)) ?? ""
        let ipv6 = (try? String(contentsOfFile: "/proc/net/ipv6_route", encoding: .utf8)) ?? ""
        // /proc/net/route: Iface Destination Gateway …; a default route has destination 00000000 and mask 00000000.
        let ipv4Default = ipv4.split(separator: "\n").dropFirst().contains { line in
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            return fields.count > 7 && fields[1] == "00000000" && fields[7] == "00000000"
        }
        // /proc/net/ipv6_route: destination, prefix length, …; a default route is ::/0 on an interface other than lo.
        let ipv6Default = ipv6.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count >= 10 && fields[0] == String(repeating: "0", count: 32) && fields[1] == "00"
                && fields[9] != "lo"
        }
        if ipv4Default || ipv6Default {
            return "this network namespace has a default route; run the PairNet tests under `unshare --net` "
                + "(make test does)"
        }
        let loopback = (try? await Command.check(["ip", "-o", "link", "show", "dev", "lo"])) ?? ""
        guard loopback.contains(",UP") || loopback.contains("<UP") else {
            return "loopback is down; run `ip link set lo up` in the test namespace first"
        }
        return nil
    }
}

/// Fails the calling test (rather than touching the host's network) unless the process is isolated.
func requireIsolation(sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let refusal = await NetworkIsolation.refusal()
    try #require(refusal == nil, "\(refusal ?? "")", sourceLocation: sourceLocation)
}
