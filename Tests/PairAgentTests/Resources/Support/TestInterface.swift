import Foundation
import PairTestSupport
import Testing

@testable import PairAgent

/// An interface of a test's own — one end of a veth pair (this kernel has no dummy interfaces) — in the test's
/// private network namespace (`unshare --net`); the test fails rather than touch a namespace with a route off the
/// machine.
struct TestInterface {
    let name: String

    static func make() async throws -> TestInterface {
        try requireIsolatedNetwork()
        // Short, so that NAME:pgpair fits the kernel's 15-character labels.
        let name = "pr" + String(UInt32.random(in: 0x10000..<0xfffff), radix: 16)
        try await ip(["link", "add", name, "type", "veth", "peer", "name", name + "p"])
        try await ip(["link", "set", name + "p", "up"])
        try await ip(["link", "set", name, "up"])
        return TestInterface(name: name)
    }

    /// Runs `body` with a new interface, deleted afterwards (the veth peer goes with it), also when `body` throws.
    static func with(_ body: (TestInterface) async throws -> Void) async throws {
        let interface = try await make()
        do {
            try await body(interface)
        } catch {
            await interface.remove()
            throw error
        }
        await interface.remove()
    }

    private func remove() async {
        _ = try? await SubprocessRunner().run(
            ProcessCommand("/usr/sbin/ip", ["link", "del", name], timeout: .seconds(30)))
    }

    @discardableResult
    static func ip(_ arguments: [String]) async throws -> String {
        let outcome = try await SubprocessRunner().run(
            ProcessCommand("/usr/sbin/ip", arguments, timeout: .seconds(30), outputLimit: 1 << 20))
        try #require(outcome.succeeded, "ip \(arguments.joined(separator: " ")): \(outcome.summary)")
        return outcome.output
    }
}
