import Foundation
import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Serves one control-socket connection: read one request line, check who asks, answer, close.
struct ConnectionContext: Sendable {
    let handler: any ControlRequestHandler
    let statusGroupID: UInt32?
    let agentUserID: UInt32
    let logger: Logger

    func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let credentials = try? await PeerCredentials.of(connection.channel)
        do {
            try await connection.executeThenClose { inbound, outbound in
                let response = await answer(try await readRequest(inbound), credentials: credentials)
                var bytes = try JSONEncoder.status.encode(response)
                bytes.append(UInt8(ascii: "\n"))
                try await outbound.write(ByteBuffer(bytes: bytes))
            }
        } catch {
            logger.debug("control connection ended", metadata: ["error": "\(error)"])
        }
    }

    private func answer(_ request: ControlRequest?, credentials: ControlClientCredentials?) async -> ControlResponse {
        guard let request else {
            return .refused("the request is not a JSON object such as {\"command\":\"status\"} on one line")
        }
        guard let credentials else {
            return .refused("the agent could not tell who is asking (no peer credentials)")
        }
        let groups = PeerCredentials.supplementaryGroups(of: credentials.processID)
        guard
            credentials.mayIssue(
                request, agentUserID: agentUserID, statusGroupID: statusGroupID, supplementaryGroups: groups)
        else {
            logger.notice(
                "control request refused",
                metadata: ["control.command": "\(request.command.rawValue)", "control.uid": "\(credentials.userID)"])
            return .refused("permission denied: `\(request.command.rawValue)` needs root")
        }
        return await handler.handle(request)
    }

    /// The first line the client sends, decoded; nil when it is not a request.
    private func readRequest(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> ControlRequest? {
        var line: [UInt8] = []
        for try await var buffer in inbound {
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                line += bytes[..<newline]
                break
            }
            line += bytes
            if line.count > ControlSocketService.maximumRequestSize { return nil }
        }
        return try? JSONDecoder().decode(ControlRequest.self, from: Data(line))
    }
}
