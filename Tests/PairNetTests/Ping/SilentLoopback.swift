import PairCore
import Testing

/// Loopback addresses that do not answer ping, made in the test's own network namespace (`unshare --net`, checked
/// first) and never anywhere else. Every 127.0.0.0/8 address is local and answers; these routes in the `local`
/// table are more specific than 127.0.0.0/8, so they win, and nothing ever leaves the namespace.
enum SilentLoopback {
    /// 127.66.0.0/16 routed out of `lo` as ordinary (not local) addresses: a request goes out and loops back,
    /// no host owns the address and forwarding is off, so it is dropped without an answer — a target that is down.
    static let silent = IPv4Address("127.66.0.1")!
    /// 127.67.0.0/16 behind an `unreachable` route: sending to it fails at once (no route to host).
    static let unreachable = IPv4Address("127.67.0.1")!

    /// Adds both routes (idempotent); the namespace, and they with it, ends with the test process.
    static func prepare() async throws {
        try await requireIsolation()
        try await Command.check(["ip", "route", "replace", "127.66.0.0/16", "dev", "lo", "table", "local"])
        try await Command.check(["ip", "route", "replace", "unreachable", "127.67.0.0/16", "table", "local"])
    }
}
