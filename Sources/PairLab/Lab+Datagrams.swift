import Foundation
import PairCore

extension Lab {
    /// The directory of captured and crafted datagrams.
    nonisolated var datagramDirectory: String { "\(paths.root)/datagrams" }

    /// Captures the payloads of the first `count` UDP datagrams from `source` to `port` that arrive on
    /// `interface` in `namespace`, with `pgpair-lab capture` (a packet socket: it reads copies and takes
    /// nothing from the agent's socket). Throws when fewer arrive within `limit`.
    public func captureUDP(
        in namespace: LabNamespace,
        interface: String,
        port: Int,
        from source: String,
        count: Int = 1,
        within limit: Duration = .seconds(10)
    ) async throws -> [[UInt8]] {
        let directory = "\(datagramDirectory)/capture-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try await run(
            in: namespace,
            [
                executables.pgpairLab, "capture", "--interface", interface, "--port", "\(port)", "--source", source,
                "--count", "\(count)", "--timeout-ms", "\(limit.wholeMilliseconds)", "--output-directory", directory,
            ],
            timeout: limit + .seconds(30)
        ).checked()
        return try (1...count).map { index in
            let path = "\(directory)/\(CaptureFiles.name(index))"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LabError(.file, "the capture wrote no \(path)")
            }
            return Array(data)
        }
    }

    /// Sends `payload` as one UDP datagram to `address`:`port` from inside `namespace`, with
    /// `pgpair-lab send-udp`, which sends only to lab addresses.
    public func sendUDP(_ payload: [UInt8], from namespace: LabNamespace, to address: String, port: Int)
        async throws
    {
        try FileManager.default.createDirectory(atPath: datagramDirectory, withIntermediateDirectories: true)
        let path = "\(datagramDirectory)/send-\(UUID().uuidString)"
        try Data(payload).write(to: URL(fileURLWithPath: path))
        _ = try await run(
            in: namespace,
            [executables.pgpairLab, "send-udp", "--address", address, "--port", "\(port)", "--file", path],
            timeout: .seconds(30)
        ).checked()
    }
}
