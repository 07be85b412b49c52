import PairLab
import Testing

/// PairNet's ARP probe and announcer against real kernels: `pgpair-lab arp` runs inside a node's namespace, and
/// the client namespace and the other node play the hosts on the LAN. The tests assert who answered and where the
/// client's neighbour entry points, never how fast.
@Suite(.serialized)
struct ARPEndToEnd {
    @Test func aHostHoldingTheAddressAnswersTheProbeWithItsHardwareAddress() async throws {
        try await Lab.with { lab in
            let service = lab.topology.serviceAddress
            let lan = lab.topology.lanInterface
            let clientMAC = try await ARPLab.hardwareAddress(of: .client, in: lab)
            let nodeAMAC = try await ARPLab.hardwareAddress(of: .node(.a), in: lab)

            let before = try await ARPLab.probe(service.address, from: .b, in: lab)
            #expect(before.ok && before.result == "free", "\(before)")

            try await ARPLab.command(["ip", "address", "add", service.cidr, "dev", lan], in: .client, lab)
            let heldByClient = try await ARPLab.probe(service.address, from: .b, in: lab)
            #expect(heldByClient.ok && heldByClient.result == "in_use", "\(heldByClient)")
            #expect(heldByClient.mac == clientMAC)
            #expect(heldByClient.exitCode == 0)

            try await ARPLab.command(["ip", "address", "delete", service.cidr, "dev", lan], in: .client, lab)
            let released = try await ARPLab.probe(service.address, from: .b, in: lab)
            #expect(released.ok && released.result == "free", "\(released)")

            // The pair's own case: the peer still holds the address.
            try await ARPLab.command(["ip", "address", "add", service.cidr, "dev", lan], in: .node(.a), lab)
            let heldByPeer = try await ARPLab.probe(service.address, from: .b, in: lab)
            #expect(heldByPeer.result == "in_use" && heldByPeer.mac == nodeAMAC, "\(heldByPeer)")
        }
    }

    @Test func announcementsPointTheClientsNeighbourEntryAtTheNewHolder() async throws {
        try await Lab.with { lab in
            let service = lab.topology.serviceAddress
            let lan = lab.topology.lanInterface
            let macA = try await ARPLab.hardwareAddress(of: .node(.a), in: lab)
            let macB = try await ARPLab.hardwareAddress(of: .node(.b), in: lab)
            try await ARPLab.seedClientNeighbour(service.address, in: lab)
            #expect(try await ARPLab.clientNeighbour(service.address, in: lab) == ARPLab.stranger)

            // Node A takes the address and announces it with requests only (RFC 5227 announcements).
            try await ARPLab.command(["ip", "address", "add", service.cidr, "dev", lan], in: .node(.a), lab)
            let byA = try await ARPLab.announce(
                service.address, from: .a, in: lab, ["--form", "request", "--schedule-ms", "0,50,100"])
            #expect(byA.ok && byA.result == "announced", "\(byA)")
            #expect(try await ARPLab.clientNeighbour(service.address, becoming: macA, in: lab) == macA)

            // The address moves to node B, which announces with gratuitous replies only.
            try await ARPLab.command(["ip", "address", "delete", service.cidr, "dev", lan], in: .node(.a), lab)
            try await ARPLab.command(["ip", "address", "add", service.cidr, "dev", lan], in: .node(.b), lab)
            let byB = try await ARPLab.announce(
                service.address, from: .b, in: lab, ["--form", "reply", "--schedule-ms", "0,50,100"])
            #expect(byB.ok, "\(byB)")
            #expect(try await ARPLab.clientNeighbour(service.address, becoming: macB, in: lab) == macB)

            // The default announcement (both forms, burst and repeat) moves a stale entry too, and the client
            // then reaches the address at node B.
            try await ARPLab.seedClientNeighbour(service.address, in: lab)
            let byDefault = try await ARPLab.announce(service.address, from: .b, in: lab)
            #expect(byDefault.ok, "\(byDefault)")
            #expect(try await ARPLab.clientNeighbour(service.address, becoming: macB, in: lab) == macB)
            let ping = try await lab.run(in: .client, ["ping", "-n", "-c", "1", "-W", "1", service.address])
            #expect(ping.succeeded, "\(ping)")
        }
    }

    @Test func aProbeThatCannotReachTheLANSaysWhyAndNeverFree() async throws {
        try await Lab.with { lab in
            let service = lab.topology.serviceAddress.address
            let missing = try await ARPLab.probe(service, from: .b, on: "nope0", in: lab)
            #expect(!missing.ok && missing.error?.code == "interface_missing", "\(missing)")
            #expect(missing.error?.message.contains("nope0") == true)
            #expect(missing.exitCode == 1)

            let loopback = try await ARPLab.probe(service, from: .b, on: "lo", in: lab)
            #expect(loopback.error?.code == "not_ethernet", "\(loopback)")

            // The switch port goes down: node B's interface is up but has no carrier.
            let port = lab.topology.bridgePort(for: .node(.b))
            try await ARPLab.command(["ip", "link", "set", port, "down"], in: .lan, lab)
            let noCarrier = try await ARPLab.probe(service, from: .b, in: lab)
            #expect(noCarrier.error?.code == "no_carrier", "\(noCarrier)")
            let announceWithoutCarrier = try await ARPLab.announce(service, from: .b, in: lab)
            #expect(announceWithoutCarrier.error?.code == "no_carrier", "\(announceWithoutCarrier)")

            try await lab.cut(.lan(.b))
            let down = try await ARPLab.probe(service, from: .b, in: lab)
            #expect(down.error?.code == "interface_down", "\(down)")

            try await lab.restore(.lan(.b))
            try #require(try await ARPLab.carrier(on: .b, in: lab), "node B's LAN interface did not come back")
            let restored = try await ARPLab.probe(service, from: .b, in: lab)
            #expect(restored.ok && restored.result == "free", "\(restored)")
        }
    }
}
