import Foundation
import Glibc
import Testing

@testable import PairNet

/// The ioctls behind the ARP code, against interfaces the tests create in their own network namespace.
@Suite("Ethernet interfaces")
struct EthernetInterfaceTests {
    @Test("a veth end: its index and the hardware address ip link shows")
    func lookUp() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            let descriptor = try ARPSocket.open()
            defer { close(descriptor) }
            let interface = try EthernetInterface.lookUp(pair.a, using: descriptor)
            #expect(interface.name == pair.a)
            #expect(interface.index == CInt(if_nametoindex(pair.a)))
            #expect(interface.hardwareAddress == (try await ARPTestNetwork.hardwareAddress(of: pair.a)))
            try EthernetInterface.requireCarrier(pair.a, consequence: "test")
        }
    }

    @Test("a missing interface, a name too long for any interface, and lo are refused with what to do")
    func refused() async throws {
        try await requireIsolation()
        let descriptor = try ARPSocket.open()
        defer { close(descriptor) }
        for (name, code) in [
            ("pnmissing0", ARPError.Code.interfaceMissing), ("averyveryverylongname0", .interfaceMissing),
            ("lo", .notEthernet),
        ] {
            do {
                _ = try EthernetInterface.lookUp(name, using: descriptor)
                Issue.record("\(name) was accepted")
            } catch {
                #expect(error.code == code, "\(name): \(error)")
                #expect(error.message.contains(name))
            }
        }
    }

    @Test("down, and up without carrier (the other end down), are told apart")
    func carrier() async throws {
        try await requireIsolation()
        try await VethPair.with { pair in
            try await Command.check(["ip", "link", "set", pair.b, "down"])
            for (name, code) in [
                (pair.b, ARPError.Code.interfaceDown), (pair.a, .noCarrier), ("pnmissing0", .interfaceMissing),
            ] {
                do throws(ARPError) {
                    try EthernetInterface.requireCarrier(name, consequence: "the test")
                    Issue.record("\(name) passed")
                } catch {
                    #expect(error.code == code, "\(name): \(error)")
                    #expect(error.message.contains(name))
                }
            }
        }
    }
}
