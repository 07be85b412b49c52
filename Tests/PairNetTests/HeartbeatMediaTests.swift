import PairCore
import PairNet
import Testing

@Suite("Opening the media")
struct HeartbeatMediaTests {
    @Test("one transport per medium, in order; the ones that cannot open yet do not hold up the others")
    func oneTransportPerMedium() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        let media = [
            medium(.serial(device: "/nonexistent/pairnet-tty")),
            medium(.unicast(interface: "lo", peer: IPv4Address("127.0.0.1")!)),
            medium(.broadcast(interface: TestNetwork.interfaceName())),
        ]
        try await MediaHarness.with { harness in
            let transports = await harness.open(media, udpPort: port)
            #expect(transports.map(\.medium) == media)
            #expect(transports.map(\.counters.isOpen) == [false, true, false])
            // The ucast medium sends to its own address: its delivery carries its index.
            let message = Array("medium 1".utf8)
            transports[1].send(message)
            #expect(await eventually { harness.deliveries.datagram(message, on: 1) })
            #expect(harness.deliveries.all.map(\.medium) == [1])
            #expect(harness.log.matching("cannot be opened").count == 2)
            #expect(
                harness.log.matching("cannot be opened").compactMap { $0.metadata["heartbeat.medium"] }.sorted()
                    == [media[0].written, media[2].written].sorted())
        }
    }
}
