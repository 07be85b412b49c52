import Foundation
import PairCore

/// Two connected virtual interfaces in the test's own namespace, `198.18.n.1/24` on `a` and `198.18.n.2/24` on
/// `b`. Both ends accept packets from the other end although its address is local too (`accept_local`), so a
/// socket bound to `a` talks to one bound to `b` over the link.
struct VethPair {
    let a: String
    let b: String
    let addressA: IPv4Address
    let addressB: IPv4Address
    let prefix: String

    /// Picks names and a subnet; creates nothing.
    init() {
        a = TestNetwork.interfaceName()
        b = TestNetwork.interfaceName()
        prefix = TestNetwork.subnetPrefix()
        addressA = IPv4Address("\(prefix).1")!
        addressB = IPv4Address("\(prefix).2")!
    }

    /// Creates both ends, addresses them and brings them up.
    func create() async throws {
        try await Command.check(["ip", "link", "add", a, "type", "veth", "peer", "name", b])
        for (name, address) in [(a, addressA), (b, addressB)] {
            try await Command.check(["ip", "address", "add", "\(address)/24", "broadcast", "+", "dev", name])
            for (setting, value) in [("accept_local", "1"), ("rp_filter", "0")] {
                try value.write(
                    toFile: "/proc/sys/net/ipv4/conf/\(name)/\(setting)", atomically: false, encoding: .utf8)
            }
        }
        try await Command.check(["ip", "link", "set", a, "up"])
        try await Command.check(["ip", "link", "set", b, "up"])
        // The kernel attaches the link's queue when it sees the carrier, a moment after `up`; until then it drops
        // what is sent.
        let running = try await eventually {
            for name in [a, b]
            where !(try await Command.check(["ip", "-o", "link", "show", "dev", name])).contains(" state UP ") {
                return false
            }
            return true
        }
        guard running else { throw Command.Failed(description: "veth pair \(a)/\(b) did not come up") }
    }

    /// Deletes both ends (deleting one deletes its peer); nothing happens if they are gone already.
    func remove() async {
        _ = try? await Command.check(["ip", "link", "delete", a])
    }

    /// Creates the pair (unless `created` is false: the body creates it), runs `body`, and removes the pair
    /// whatever happens.
    static func with<Result>(created: Bool = true, _ body: (VethPair) async throws -> Result) async throws -> Result {
        let pair = VethPair()
        do {
            if created { try await pair.create() }
            let result = try await body(pair)
            await pair.remove()
            return result
        } catch {
            await pair.remove()
            throw error
        }
    }
}
