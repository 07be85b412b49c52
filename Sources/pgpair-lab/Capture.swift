import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab capture`: writes the payloads of the first N UDP datagrams from one address to one port that
/// arrive on an interface into files, `datagram-1`, `datagram-2`, … in the output directory, and prints one
/// line per datagram. It reads with a packet socket, so the datagrams still reach the agent's socket.
/// The lab runs it inside a node's namespace; it is bounded in count and in time, and sends nothing.
struct Capture: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capture the payloads of the first UDP datagrams from an address to a port on an interface."
    )

    @Option(help: "The interface to read, e.g. hb0.") var interface: String
    @Option(help: "The UDP destination port.") var port: Int
    @Option(help: "The sender's numeric IPv4 address.") var source: String
    @Option(help: "How many datagrams to capture (1–100).") var count = 1
    @Option(help: "Give up after this many milliseconds (at most 300000).") var timeoutMs = 10_000
    @Option(help: "Where to write the datagrams; created if missing.") var outputDirectory: String

    func validate() throws {
        guard IPv4Text.isAddress(source) else { throw ValidationError("--source must be a numeric IPv4 address") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        guard (1...100).contains(count) else { throw ValidationError("--count must be 1–100") }
        guard (1...300_000).contains(timeoutMs) else { throw ValidationError("--timeout-ms must be 1–300000") }
    }

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            let socket = try PacketSocket(interface: interface)
            let deadline = ContinuousClock.now + .milliseconds(timeoutMs)
            var captured = 0
            while captured < count, let packet = try socket.nextIncomingPacket(before: deadline) {
                guard let datagram = IPv4UDPPacket.parse(packet), datagram.source == source,
                    datagram.destinationPort == port
                else { continue }
                captured += 1
                let path = "\(outputDirectory)/\(CaptureFiles.name(captured))"
                try Data(datagram.payload).write(to: URL(fileURLWithPath: path))
                print("\(path) \(datagram.payload.count) bytes from \(datagram.source):\(datagram.sourcePort)")
            }
            guard captured == count else {
                throw HelperError("captured \(captured) of \(count) datagrams within \(timeoutMs) ms")
            }
        } catch let error as HelperError {
            FileHandle.standardError.write(Data("pgpair-lab capture: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
