import Testing

@testable import PairCore

@Suite struct HeartbeatMediumTests {
    @Test(arguments: [
        (HeartbeatMedium.Kind.broadcast(interface: "eth1"), true, false),
        (.unicast(interface: "eth1", peer: IPv4Address("10.0.0.2")!), true, false),
        (
            .multicast(interface: "eth1", group: IPv4Address("239.192.0.1")!, port: 694, ttl: 1, loop: false), false,
            false
        ),
        (.serial(device: "/dev/ttyS0"), false, true),
    ])
    func classifies(kind: HeartbeatMedium.Kind, usesUDPPort: Bool, isSerial: Bool) {
        let medium = HeartbeatMedium(kind: kind, line: 1, written: "x")
        #expect(medium.usesUDPPort == usesUDPPort)
        #expect(medium.isSerial == isSerial)
    }
}
