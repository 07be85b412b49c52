import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `pgpair-lab send-udp`: sends the bytes of a file as one UDP datagram to a lab address (198.18.0.0/15) or
/// loopback, from inside the namespace the lab runs it in. One datagram, then it exits.
struct SendUDP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-udp",
        abstract: "Send a file's bytes as one UDP datagram to a lab address."
    )

    @Option(help: "The numeric IPv4 destination: a lab address (198.18.0.0/15) or loopback.") var address: String
    @Option(help: "The UDP destination port.") var port: Int
    @Option(help: "The payload (at most 65507 bytes).") var file: String

    func validate() throws {
        guard IPv4Text.isAddress(address) else { throw ValidationError("--address must be a numeric IPv4 address") }
        guard IPv4Text.isLabOrLoopback(address) else {
            throw ValidationError("--address must be a lab address (198.18.0.0/15) or loopback: \(address) is neither")
        }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be 1–65535") }
    }

    func run() throws {
        do {
            guard let payload = FileManager.default.contents(atPath: file) else {
                throw HelperError("cannot read \(file)")
            }
            guard payload.count <= 65_507 else { throw HelperError("\(file) is too large for one datagram") }
            try send(Array(payload))
            print("sent \(payload.count) bytes to \(address):\(port)")
        } catch let error as HelperError {
            FileHandle.standardError.write(Data("pgpair-lab send-udp: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func send(_ payload: [UInt8]) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw HelperError("cannot open a UDP socket: \(HelperError.errnoText())") }
        defer { close(descriptor) }
        var destination = sockaddr_in()
        destination.sin_family = sa_family_t(AF_INET)
        destination.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, address, &destination.sin_addr) == 1 else {
            throw HelperError("\(address) is not an IPv4 address")
        }
        let sent = payload.withUnsafeBytes { bytes in
            withUnsafePointer(to: &destination) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard sent == payload.count else { throw HelperError("sendto failed: \(HelperError.errnoText())") }
    }
}
