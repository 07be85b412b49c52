import Foundation
import Testing

@testable import PairLab

extension LabEndToEnd {
    /// The lab's UDP helpers (`pgpair-lab capture`, `send-udp`) and serial faults, without agents.
    @Suite
    struct LabDatagramTests {
        @Test func aDatagramSentFromOneNodeIsCapturedOnTheOther() async throws {
            try await Lab.with { lab in
                let payload = Array(">>>\nfrom=pollux\n<<<\n\(UUID().uuidString)".utf8)
                let source = lab.topology.heartbeatAddress(.b).address
                let destination = lab.topology.heartbeatAddress(.a).address
                // Nothing listens on the port: the packet socket sees the datagram all the same.
                async let captured = lab.captureUDP(
                    in: .node(.a), interface: lab.topology.heartbeatInterface, port: 694, from: source, count: 2)
                let sender = Task {
                    for _ in 0..<100 where !Task.isCancelled {
                        try await lab.sendUDP(Array("decoy".utf8), from: .node(.b), to: destination, port: 695)
                        try await lab.sendUDP(payload, from: .node(.b), to: destination, port: 694)
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                let datagrams = try await captured
                sender.cancel()
                _ = await sender.result
                #expect(datagrams == [payload, payload])
            }
        }

        @Test func sendUDPSendsOnlyToLabAndLoopbackAddresses() async throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("send-udp-\(UUID().uuidString)")
            try Data("x".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let executables = LabExecutables.fromEnvironment()
            for address in ["10.0.0.1", "8.8.8.8", "198.20.0.1", "not-an-address"] {
                let output = try await CommandRunner.run(
                    [executables.pgpairLab, "send-udp", "--address", address, "--port", "694", "--file", file.path])
                #expect(output.exitCode == 64, "\(address): \(output)")
            }
        }

        @Test func endingTheSerialPairStopsSocat() async throws {
            try await Lab.with { lab in
                let socat = try #require(await lab.serialPairProcess)
                try await lab.writeToSerialLine(of: .a, Array("noise".utf8))
                try await lab.endSerialPair()
                #expect(!socat.isRunning)
                #expect(await lab.serialPairProcess == nil)
            }
        }
    }
}
