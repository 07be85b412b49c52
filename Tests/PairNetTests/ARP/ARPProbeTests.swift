import Glibc
import PairCore
import PairTestSupport
import Testing

@testable import PairNet

/// ARP probes through real packet sockets on veth pairs in the test's own namespace: the kernel answers for the
/// addresses on the far end.
@Suite("ARP probes")
struct ARPProbeTests {
    @Test("a host holding the address answers with its hardware address; once it lets go the address is free")
    func answered() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let log = CapturedLog()
            let service = IPv4Address("\(pair.prefix).100")!
            let probe = ARPProbe(interface: pair.a, logger: log.logger)
            #expect(try await probe.probe(service) == .free)

            try await Command.check(["ip", "address", "add", "\(service)/24", "dev", pair.b])
            let before = ContinuousClock.now
            let result = try await probe.probe(service)
            guard case .inUse(let holder, let at) = result else {
                Issue.record("\(service) on \(pair.b) was not found: \(result)")
                return
            }
            #expect(holder == (try await ARPTestNetwork.hardwareAddress(of: pair.b)))
            #expect(at > before && at <= .now)

            try await Command.check(["ip", "address", "delete", "\(service)/24", "dev", pair.b])
            #expect(try await probe.probe(service) == .free)
        }
    }

    @Test("an address nobody holds is free; the far end's own address is its")
    func free() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let probe = ARPProbe(interface: pair.a, logger: CapturedLog().logger)
            // The far end's kernel answers for its own address only, and ignores the probes for .200.
            #expect(try await probe.probe(IPv4Address("\(pair.prefix).200")!, probes: 5) == .free)
            let holderOfB = try await probe.probe(pair.addressB).holder
            #expect(holderOfB == (try await ARPTestNetwork.hardwareAddress(of: pair.b)))
        }
    }

    @Test("another host probing for the same address at the same time is a claim on it")
    func anotherHostsProbe() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let service = IPv4Address("\(pair.prefix).100")!
            let otherHost = try #require(try await ARPTestNetwork.hardwareAddress(of: pair.b))
            // The far end keeps probing for the address (nobody holds it, so nobody answers either of us).
            let descriptor = try ARPSocket.open()
            defer { close(descriptor) }
            let index = try EthernetInterface.lookUp(pair.b, using: descriptor).index
            let prober = Task {
                while !Task.isCancelled {
                    _ = ARPSocket.send(.probe(for: service, from: otherHost), on: descriptor, interfaceIndex: index)
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            defer { prober.cancel() }
            let result = try await ARPProbe(interface: pair.a, logger: CapturedLog().logger).probe(
                service, timeout: .seconds(5))
            #expect(result.holder == otherHost, "\(result)")
            prober.cancel()
            _ = await prober.result
        }
    }

    @Test("a probe that cannot reach the LAN throws and never says free")
    func unreachable() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let service = IPv4Address("\(pair.prefix).100")!
            try await Command.check(["ip", "link", "set", pair.b, "down"])
            for (interface, code) in [
                (pair.a, ARPError.Code.noCarrier), (pair.b, .interfaceDown), ("pnmissing0", .interfaceMissing),
                ("lo", .notEthernet),
            ] {
                do {
                    let result = try await ARPProbe(interface: interface, logger: CapturedLog().logger).probe(service)
                    Issue.record("a probe on \(interface) returned \(result)")
                } catch let error as ARPError {
                    #expect(error.code == code, "\(interface): \(error)")
                }
            }
        }
    }

    @Test("a link that loses its carrier during the run makes it throw instead of saying free")
    func carrierLostDuringTheRun() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let service = IPv4Address("\(pair.prefix).100")!
            async let result = ARPProbe(interface: pair.a, logger: CapturedLog().logger).probe(
                service, timeout: .seconds(3))
            try await Task.sleep(for: .milliseconds(500))
            try await Command.check(["ip", "link", "set", pair.b, "down"])
            do {
                let found = try await result
                Issue.record("the probe returned \(found)")
            } catch let error as ARPError {
                #expect(error.code == .noCarrier, "\(error)")
            }
        }
    }

    @Test("a cancelled probe throws CancellationError")
    func cancelled() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let probe = ARPProbe(interface: pair.a, logger: CapturedLog().logger)
            let task = Task { try await probe.probe(IPv4Address("\(pair.prefix).100")!, timeout: .seconds(60)) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            // The socket is gone with the run: the next one works.
            #expect(try await probe.probe(IPv4Address("\(pair.prefix).100")!) == .free)
        }
    }

    @Test("a schedule that cannot work is refused before anything is sent")
    func invalidSchedule() async throws {
        let probe = ARPProbe(interface: "lo", logger: CapturedLog().logger)
        do {
            let result = try await probe.probe(IPv4Address("198.18.0.100")!, timeout: .milliseconds(10), probes: 3)
            Issue.record("the probe returned \(result)")
        } catch let error as ARPError {
            #expect(error.code == .invalidSchedule)
        }
    }
}
