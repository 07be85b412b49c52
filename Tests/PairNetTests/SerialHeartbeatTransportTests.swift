import PairCore
import PairNet
import Testing

/// Serial media over a real pseudo serial line: socat joining two ptys, started and stopped by the test.
@Suite("Serial heartbeat media")
struct SerialHeartbeatTransportTests {
    @Test("bytes both ways, exactly; garbage does not stop it; the line reopens when socat comes back")
    func serialLineLifecycle() async throws {
        try await SocatSerialPair.with(started: false) { serial in
            try await MediaHarness.with { harness in
                let transports = await harness.open(
                    [medium(.serial(device: serial.a)), medium(.serial(device: serial.b))], baud: 19200)
                // No device yet: the media wait for it and drop what is sent meanwhile.
                #expect(transports.allSatisfy { !$0.counters.isOpen })
                transports[0].send(Array("lost".utf8))
                #expect(await eventually { transports[0].counters.sendsDropped == 1 })

                try await serial.start()
                #expect(await eventually { transports.allSatisfy { $0.counters.isOpen } })
                // Every byte value arrives as sent: no CR/LF translation, no XON/XOFF, no echo, 8 bits.
                let everyByte = (0...255).map(UInt8.init)
                var expected: [[UInt8]] = [[], []]
                try await send(everyByte, from: 0, over: transports, harness: harness, expected: &expected)
                try await send(everyByte.reversed(), from: 1, over: transports, harness: harness, expected: &expected)
                #expect(harness.deliveries.all.allSatisfy { $0.isStream })

                // Random garbage, both ways, then an ordinary message still arrives.
                for _ in 0..<8 {
                    try await send(randomBytes(2048), from: 0, over: transports, harness: harness, expected: &expected)
                    try await send(randomBytes(2048), from: 1, over: transports, harness: harness, expected: &expected)
                }
                try await send(
                    Array("still here".utf8), from: 0, over: transports, harness: harness, expected: &expected)

                // The line goes away: both ends close, and sends are dropped.
                await serial.stop()
                #expect(await eventually { transports.allSatisfy { !$0.counters.isOpen && $0.counters.losses == 1 } })
                transports[1].send(Array("lost too".utf8))
                #expect(await eventually { transports[1].counters.sendsDropped == 1 })

                // It comes back on the same paths: both ends reopen and work again.
                try await serial.start()
                #expect(await eventually { transports.allSatisfy { $0.counters.isOpen && $0.counters.opens == 2 } })
                expected = [[], []]
                let before = [harness.deliveries.stream(on: 0).count, harness.deliveries.stream(on: 1).count]
                let afterRestart = Array(">>>\nafter the restart\n<<<\n".utf8)
                try await send(
                    afterRestart, from: 0, over: transports, harness: harness, expected: &expected, skipping: before)
                try await send(
                    afterRestart, from: 1, over: transports, harness: harness, expected: &expected, skipping: before)

                #expect(transports.allSatisfy { $0.counters.sendFailures == 0 })
                #expect(harness.log.matching("heartbeat medium lost").count == 2)
                #expect(harness.log.matching("cannot be opened").count == 2)
            }
        }
    }

    /// Sends `bytes` on medium `from` and waits until the other medium has received everything sent to it so far.
    private func send(
        _ bytes: [UInt8], from sender: Int, over transports: [any HeartbeatTransport], harness: MediaHarness,
        expected: inout [[UInt8]], skipping: [Int] = [0, 0]
    ) async throws {
        let receiver = 1 - sender
        expected[receiver] += bytes
        transports[sender].send(bytes)
        let want = expected[receiver]
        let arrived = await eventually {
            Array(harness.deliveries.stream(on: receiver).dropFirst(skipping[receiver])).count >= want.count
        }
        #expect(arrived, "medium \(receiver) did not receive \(want.count) bytes")
        #expect(Array(harness.deliveries.stream(on: receiver).dropFirst(skipping[receiver])) == want)
    }
}
