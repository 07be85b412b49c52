import Foundation
import Logging
import PairCore
import PairTestSupport
import Testing

@testable import PairAgent

@Suite("AddressResource")
struct AddressResourceTests {
    private let control = IPRouteAddressControl(timeout: .seconds(30))

    private func resource(_ written: String, _ address: ServiceAddress, announcer: RecordingAnnouncer)
        -> AddressResource
    {
        AddressResource(
            name: written, serviceAddress: address, control: control, announcer: announcer,
            logger: Logger(label: "test"))
    }

    @Test("on the written interface: start adds it with the pgpair label and announces it; stop removes it")
    func writtenInterface() async throws {
        try await TestInterface.with { interface in
            let address = try #require(IPv4Address("198.18.5.10"))
            let announcer = RecordingAnnouncer(control: control)
            let service = resource(
                "IPaddr::198.18.5.10/24/\(interface.name)",
                ServiceAddress(address: address, prefixLength: 24, interface: interface.name), announcer: announcer)

            #expect(try await service.status() == .stopped)
            try await service.start()
            let held = try await control.holder(of: address, on: interface.name)
            #expect(held?.prefixLength == 24)
            #expect(held?.label == "\(interface.name):pgpair")
            #expect(held?.broadcast == IPv4Address("198.18.5.255"))
            #expect(announcer.calls == ["198.18.5.10 on \(interface.name), present"])
            #expect(try await service.status() == .running)

            try await service.start()
            #expect(try await control.addresses(on: interface.name).count == 1)
            #expect(announcer.calls.count == 1)

            try await service.stop()
            #expect(try await control.holder(of: address, on: nil) == nil)
            #expect(try await service.status() == .stopped)
            try await service.stop()
        }
    }

    @Test("with no interface written, the interface whose subnet holds the address, and that subnet's prefix")
    func interfaceBySubnet() async throws {
        try await TestInterface.with { interface in
            try await TestInterface.ip(["addr", "add", "198.18.6.1/26", "dev", interface.name])
            let address = try #require(IPv4Address("198.18.6.20"))
            let announcer = RecordingAnnouncer(control: control)
            let service = resource("198.18.6.20", ServiceAddress(address: address), announcer: announcer)

            try await service.start()
            let held = try await control.holder(of: address, on: interface.name)
            #expect(held?.prefixLength == 26)
            #expect(announcer.calls == ["198.18.6.20 on \(interface.name), present"])
            #expect(try await service.status() == .running)
            try await service.stop()
            #expect(try await control.holder(of: address, on: nil) == nil)
            #expect(try await control.holder(of: try #require(IPv4Address("198.18.6.1")), on: nil) != nil)
        }
    }

    @Test("with no interface written and no subnet holding it, start fails and says what to write")
    func noInterface() async throws {
        try requireIsolatedNetwork()
        let address = try #require(IPv4Address("198.19.77.7"))
        let announcer = RecordingAnnouncer(control: control)
        let error = await #expect(throws: ResourceError.self) {
            try await resource("198.19.77.7", ServiceAddress(address: address), announcer: announcer).start()
        }
        #expect(error?.code == .misconfigured)
        #expect(error?.message.contains("IPaddr::198.19.77.7/24/eth0") == true)
        #expect(announcer.calls.isEmpty)
    }

    @Test("an alias label written in haresources is kept; the device is the part before the colon")
    func aliasLabel() async throws {
        try await TestInterface.with { interface in
            let address = try #require(IPv4Address("198.18.7.10"))
            let service = resource(
                "IPaddr::198.18.7.10/24/\(interface.name):9",
                ServiceAddress(address: address, prefixLength: 24, interface: "\(interface.name):9"),
                announcer: RecordingAnnouncer(control: control))
            try await service.start()
            #expect(try await control.holder(of: address, on: interface.name)?.label == "\(interface.name):9")
            try await service.stop()
            #expect(try await service.status() == .stopped)
        }
    }

    @Test("the real announcer sends on a veth interface without failing the start")
    func realAnnouncer() async throws {
        try await TestInterface.with { interface in
            let address = try #require(IPv4Address("198.18.8.10"))
            let service = AddressResource(
                name: "IPaddr::198.18.8.10/24/\(interface.name)",
                serviceAddress: ServiceAddress(address: address, prefixLength: 24, interface: interface.name),
                control: control,
                announcer: ARPAddressAnnouncer(logger: Logger(label: "test"), repeats: .beforeReturning),
                logger: Logger(label: "test"))
            try await service.start()
            #expect(try await service.status() == .running)
            try await service.stop()
        }
    }

    @Test("ip -j addr show is read for IPv4 addresses only")
    func parse() throws {
        let json = """
            [{"ifindex":1,"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,\
            "scope":"host","label":"lo"},{"family":"inet6","local":"::1","prefixlen":128}]},\
            {"ifindex":2,"ifname":"eth0","addr_info":[{"family":"inet","local":"10.0.0.100","prefixlen":24,\
            "broadcast":"10.0.0.255","label":"eth0:pgpair"}]},{"ifindex":3,"ifname":"eth1","addr_info":[]}]
            """
        let addresses = try IPRouteAddressControl.parse(json)
        #expect(
            addresses == [
                InterfaceAddress(address: IPv4Address("127.0.0.1")!, prefixLength: 8, interface: "lo", label: "lo"),
                InterfaceAddress(
                    address: IPv4Address("10.0.0.100")!, prefixLength: 24, interface: "eth0",
                    broadcast: IPv4Address("10.0.0.255"), label: "eth0:pgpair"),
            ])
        #expect(try IPRouteAddressControl.parse("\n").isEmpty)
        #expect(throws: ResourceError.self) { try IPRouteAddressControl.parse("not json") }
    }
}
