import PairCore
import PairTestSupport
import Testing

@testable import PairNet

/// Gratuitous ARP through a real packet socket on a veth pair in the test's own namespace: the far end's kernel
/// moves its neighbour entry for the address to the announcer's hardware address.
@Suite("ARP announcements")
struct ARPAnnouncerTests {
    @Test(
        "each form alone moves the far end's existing neighbour entry to our hardware address",
        arguments: [
            ARPAnnouncer.Form.request, .reply,
        ])
    func eachForm(form: ARPAnnouncer.Form) async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let service = "\(pair.prefix).100"
            try await ARPTestNetwork.seedNeighbour(service, on: pair.b)
            #expect(try await ARPTestNetwork.neighbour(service, on: pair.b) == ARPTestNetwork.stranger)

            try await ARPAnnouncer(interface: pair.a, logger: CapturedLog().logger).announce(
                IPv4Address(service)!, schedule: [.zero], forms: [form])
            let ours = try await ARPTestNetwork.hardwareAddress(of: pair.a)
            #expect(await eventually { (try? await ARPTestNetwork.neighbour(service, on: pair.b)) == ours })
        }
    }

    @Test("the default schedule and forms move it too, and leave other addresses' entries alone")
    func defaults() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let (service, other) = ("\(pair.prefix).100", "\(pair.prefix).101")
            try await ARPTestNetwork.seedNeighbour(service, on: pair.b)
            try await ARPTestNetwork.seedNeighbour(other, on: pair.b)

            try await ARPAnnouncer(interface: pair.a, logger: CapturedLog().logger).announce(IPv4Address(service)!)
            let ours = try await ARPTestNetwork.hardwareAddress(of: pair.a)
            #expect(await eventually { (try? await ARPTestNetwork.neighbour(service, on: pair.b)) == ours })
            #expect(try await ARPTestNetwork.neighbour(other, on: pair.b) == ARPTestNetwork.stranger)
        }
    }

    @Test("an interface that is missing, down or without carrier is refused with what to do")
    func unreachable() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            try await Command.check(["ip", "link", "set", pair.b, "down"])
            for (interface, code) in [
                (pair.a, ARPError.Code.noCarrier), (pair.b, .interfaceDown), ("pnmissing0", .interfaceMissing),
            ] {
                do {
                    try await ARPAnnouncer(interface: interface, logger: CapturedLog().logger).announce(
                        IPv4Address("\(pair.prefix).100")!)
                    Issue.record("announcing on \(interface) succeeded")
                } catch let error as ARPError {
                    #expect(error.code == code, "\(interface): \(error)")
                    #expect(error.message.contains(interface))
                }
            }
        }
    }

    @Test(
        "a schedule or forms that cannot work are refused",
        arguments: [
            ([Duration](), [ARPAnnouncer.Form.request]), ([.zero], []), ([.milliseconds(-1)], [.request]),
            ([.milliseconds(100), .milliseconds(50)], [.request]),
        ])
    func invalidSchedule(schedule: [Duration], forms: [ARPAnnouncer.Form]) async throws {
        do {
            try await ARPAnnouncer(interface: "lo", logger: CapturedLog().logger).announce(
                IPv4Address("198.18.0.100")!, schedule: schedule, forms: forms)
            Issue.record("the schedule \(schedule) with \(forms) was accepted")
        } catch let error as ARPError {
            #expect(error.code == .invalidSchedule)
        }
    }

    @Test("a cancelled announcer stops and throws CancellationError")
    func cancelled() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let announcer = ARPAnnouncer(interface: pair.a, logger: CapturedLog().logger)
            let task = Task {
                try await announcer.announce(IPv4Address("\(pair.prefix).100")!, schedule: [.zero, .seconds(60)])
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }
}
