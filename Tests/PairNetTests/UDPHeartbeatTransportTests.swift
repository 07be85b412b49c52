import NIOCore
import PairCore
import Testing

@testable import PairNet

/// UDP media over real sockets: loopback, and veth pairs the tests create in their own network namespace.
@Suite("UDP heartbeat media")
struct UDPHeartbeatTransportTests {
    private let loopback = IPv4Address("127.0.0.1")!
    private let secondLoopback = IPv4Address("127.0.0.2")!

    @Test("ucast on lo sends to the peer's address and delivers what the peer sends, whole, with its source")
    func unicastOnLoopback() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        try await MediaHarness.with { harness in
            let transports = await harness.open(
                [medium(.unicast(interface: "lo", peer: secondLoopback))], udpPort: port)
            let transport = try #require(transports.first)
            #expect(transport.counters.isOpen)
            // The peer owns 127.0.0.2:port; the transport's wildcard socket gets what is sent to 127.0.0.1.
            let peer = try await PeerSocket.bind(
                secondLoopback, port: port, interface: "lo", on: harness.eventLoop, logger: harness.log.logger)

            let toPeer = Array("ucast lo 127.0.0.2".utf8)
            transport.send(toPeer)
            #expect(await eventually { peer.deliveries.datagram(toPeer, on: PeerSocket.medium) })

            let fromPeer = Array("from 127.0.0.2".utf8)
            #expect(try await peer.send(fromPeer, to: loopback, port: port) == nil)
            #expect(await eventually { harness.deliveries.datagram(fromPeer, on: 0) })
            #expect(
                harness.deliveries.all == [
                    ReceivedHeartbeatBytes(medium: 0, bytes: fromPeer, isStream: false, source: "127.0.0.2:\(port)")
                ])
            let counters = transport.counters
            #expect(counters.framesSent == 1)
            #expect(counters.framesReceived == 1)
            #expect(counters.bytesReceived == fromPeer.count)
            #expect(counters.opens == 1)
            #expect(counters.sendFailures == 0 && counters.sendsDropped == 0 && counters.receivesDropped == 0)
            await peer.close()
        }
    }

    @Test("ucast between two transports on the two ends of a veth pair, both ways")
    func unicastOverAVethPair() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        try await VethPair.with { pair in
            try await MediaHarness.with { harness in
                let transports = await harness.open(
                    [
                        medium(.unicast(interface: pair.a, peer: pair.addressB)),
                        medium(.unicast(interface: pair.b, peer: pair.addressA)),
                    ], udpPort: port)
                try await exchange(over: transports, harness: harness, tag: "ucast")
                #expect(harness.deliveries.on(1).map(\.source) == ["\(pair.addressA):\(port)"])
                #expect(harness.deliveries.on(0).map(\.source) == ["\(pair.addressB):\(port)"])
            }
        }
    }

    @Test("bcast sends to the interface's broadcast address: the other end receives it, and so does the sender")
    func broadcastOverAVethPair() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        try await VethPair.with { pair in
            #expect(NetworkInterfaces.broadcastAddress(of: pair.a) == IPv4Address("\(pair.prefix).255"))
            try await MediaHarness.with { harness in
                let transports = await harness.open(
                    [medium(.broadcast(interface: pair.a)), medium(.broadcast(interface: pair.b))], udpPort: port)
                let message = Array("bcast from a".utf8)
                transports[0].send(message)
                #expect(await eventually { harness.deliveries.datagram(message, on: 1) })
                #expect(await eventually { harness.deliveries.datagram(message, on: 0) })
                #expect(harness.deliveries.on(1).map(\.source) == ["\(pair.addressA):\(port)"])

                let reply = Array("bcast from b".utf8)
                transports[1].send(reply)
                #expect(await eventually { harness.deliveries.datagram(reply, on: 0) })
                #expect(transports.allSatisfy { $0.counters.framesSent == 1 && $0.counters.sendFailures == 0 })
            }
        }
    }

    @Test("mcast joins the group on its interface; loop on delivers the sender's own message, loop off does not")
    func multicastOverAVethPair() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        let group = IPv4Address("239.192.\(UInt8.random(in: 0...255)).\(UInt8.random(in: 1...254))")!
        try await VethPair.with { pair in
            try await MediaHarness.with { harness in
                let transports = await harness.open([
                    medium(.multicast(interface: pair.a, group: group, port: port, ttl: 1, loop: true)),
                    medium(.multicast(interface: pair.b, group: group, port: port, ttl: 1, loop: false)),
                ])
                #expect(transports.allSatisfy { $0.counters.isOpen })
                let fromA = Array("mcast from a".utf8)
                transports[0].send(fromA)
                #expect(await eventually { harness.deliveries.datagram(fromA, on: 1) })
                #expect(await eventually { harness.deliveries.datagram(fromA, on: 0) })

                let fromB = Array("mcast from b".utf8)
                transports[1].send(fromB)
                #expect(await eventually { harness.deliveries.datagram(fromB, on: 0) })
                // A looped copy of b's message would reach b before anything a sends after receiving it.
                let again = Array("mcast from a again".utf8)
                transports[0].send(again)
                #expect(await eventually { harness.deliveries.datagram(again, on: 1) })
                #expect(harness.deliveries.on(1).map(\.bytes) == [fromA, again])
            }
        }
    }

    @Test("an mcast medium drops (and counts) a broadcast that arrives on its port, and keeps its group's messages")
    func multicastIgnoresBroadcastsOnItsPort() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        let group = IPv4Address("239.193.\(UInt8.random(in: 0...255)).\(UInt8.random(in: 1...254))")!
        try await VethPair.with { pair in
            try await MediaHarness.with { harness in
                let transports = await harness.open(
                    [
                        medium(.multicast(interface: pair.b, group: group, port: port, ttl: 1, loop: false)),
                        medium(.broadcast(interface: pair.a)),
                        medium(.multicast(interface: pair.a, group: group, port: port, ttl: 1, loop: false)),
                    ], udpPort: port)
                transports[1].send(Array("bcast on the mcast port".utf8))
                #expect(await eventually { transports[0].counters.receivesDropped == 1 })
                let multicast = Array("mcast to the group".utf8)
                transports[2].send(multicast)
                #expect(await eventually { harness.deliveries.datagram(multicast, on: 0) })
                #expect(harness.deliveries.on(0).map(\.bytes) == [multicast])
                // (The mcast medium on `a` drops the sender's own broadcast as well.)
                let drops = harness.log.matching("heartbeat datagram dropped")
                #expect(drops.filter { $0.metadata["heartbeat.medium"] == transports[0].medium.written }.count == 1)
            }
        }
    }

    @Test("a datagram larger than the maximum is dropped and counted; one of the maximum size arrives whole")
    func oversizedDatagram() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        try await MediaHarness.with { harness in
            // Unicast to 127.0.0.1 on lo reaches the transport's own socket: it is the only one on the port.
            let transports = await harness.open([medium(.unicast(interface: "lo", peer: loopback))], udpPort: port)
            let transport = try #require(transports.first)
            transport.send(randomBytes(HeartbeatMedia.maximumDatagramSize + 1))
            transport.send(randomBytes(20_000))
            let largest = randomBytes(HeartbeatMedia.maximumDatagramSize)
            transport.send(largest)
            #expect(await eventually { harness.deliveries.datagram(largest, on: 0) })
            #expect(harness.deliveries.on(0).map(\.bytes.count) == [HeartbeatMedia.maximumDatagramSize])
            #expect(transport.counters.receivesDropped == 2)
            #expect(transport.counters.framesSent == 3)
            #expect(harness.log.matching("heartbeat datagram dropped").count == 1)
        }
    }

    @Test("a medium on a missing interface retries, logs once, and opens once the interface appears or is re-created")
    func missingInterface() async throws {
        try await requireIsolation()
        let port = TestNetwork.port()
        try await VethPair.with(created: false) { pair in
            try await MediaHarness.with { harness in
                let transports = await harness.open(
                    [
                        medium(.unicast(interface: pair.a, peer: pair.addressB)),
                        medium(.unicast(interface: pair.b, peer: pair.addressA)),
                    ], udpPort: port)
                #expect(transports.count == 2)
                #expect(transports.allSatisfy { !$0.counters.isOpen })
                transports[0].send(Array("nowhere to go".utf8))
                #expect(await eventually { transports[0].counters.sendsDropped == 1 })
                // Retries fail meanwhile; none of them logs again.
                #expect(await eventually { transports.allSatisfy { $0.counters.failedOpens >= 3 } })
                #expect(harness.log.matching("cannot be opened").count == 2)

                try await pair.create()
                #expect(await eventually { transports.allSatisfy { $0.counters.isOpen } })
                try await exchange(over: transports, harness: harness, tag: "after the interface appeared")
                let recovered = harness.log.matching("open after an outage")
                #expect(recovered.count == 2)
                #expect(recovered.allSatisfy { Int($0.metadata["heartbeat.failed_attempts"] ?? "") ?? 0 >= 3 })

                await pair.remove()
                #expect(await eventually { transports.allSatisfy { !$0.counters.isOpen && $0.counters.losses == 1 } })
                try await pair.create()
                #expect(await eventually { transports.allSatisfy { $0.counters.isOpen && $0.counters.opens == 2 } })
                try await exchange(over: transports, harness: harness, tag: "after the interface was re-created")
                #expect(harness.log.matching("heartbeat medium lost").count == 2)
                #expect(harness.log.matching("cannot be opened").count == 2)
            }
        }
    }

    @Test("after close a medium drops sends, and a second close does nothing")
    func close() async throws {
        try await requireIsolation()
        try await MediaHarness.with { harness in
            let transports = await harness.open(
                [medium(.unicast(interface: "lo", peer: loopback))], udpPort: TestNetwork.port())
            let transport = try #require(transports.first)
            #expect(transport.counters.isOpen)
            await transport.close()
            await transport.close()
            transport.send(Array("after close".utf8))
            #expect(await eventually { transport.counters.sendsDropped == 1 })
            #expect(!transport.counters.isOpen)
            #expect(transport.counters.framesSent == 0)
        }
    }

    /// Medium 0 sends to medium 1 and back; each receives the other's message.
    private func exchange(over transports: [any HeartbeatTransport], harness: MediaHarness, tag: String) async throws {
        let forth = Array("\(tag): 0 to 1".utf8)
        let back = Array("\(tag): 1 to 0".utf8)
        transports[0].send(forth)
        transports[1].send(back)
        #expect(await eventually { harness.deliveries.datagram(forth, on: 1) }, "\(tag)")
        #expect(await eventually { harness.deliveries.datagram(back, on: 0) }, "\(tag)")
        #expect(!harness.deliveries.datagram(forth, on: 0), "a unicast sender does not receive its own message")
    }
}
