import Foundation
import NIOCore
import NIOPosix

/// Sends one request to the local agent's control socket and reads its answer.
public struct ControlClient: Sendable {
    /// The largest answer the client reads.
    static let maximumResponseSize = 1 << 20

    let path: String
    let timeout: Duration

    /// A client for the socket at `path`; a request that gets no answer within `timeout` fails.
    public init(path: String, timeout: Duration = .seconds(5)) {
        self.path = path
        self.timeout = timeout
    }

    /// The agent's answer to `request`; throws `ControlSocketError` with code `noAgent` when nothing answers.
    public func send(_ request: ControlRequest) async throws -> ControlResponse {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(timeout.milliseconds))
                .connect(unixDomainSocketPath: path) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw ControlSocketError(.noAgent, "no pgpair agent answers on \(path) (\(error))")
        }
        let line = ByteBuffer(bytes: try JSONEncoder().encode(request) + [UInt8(ascii: "\n")])
        let answer = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    try await outbound.write(line)
                    var bytes: [UInt8] = []
                    for try await var buffer in inbound {
                        bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
                        if bytes.count > Self.maximumResponseSize { break }
                    }
                    return bytes
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let answer else {
            channel.channel.close(promise: nil)
            throw ControlSocketError(.noAgent, "the pgpair agent on \(path) did not answer within \(timeout)")
        }
        do {
            return try JSONDecoder().decode(ControlResponse.self, from: Data(answer))
        } catch {
            throw ControlSocketError(.badResponse, "the agent's answer on \(path) is not understood: \(error)")
        }
    }
}
