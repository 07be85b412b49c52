import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// The agent's control socket: a Unix socket at `control_socket` that answers one JSON request per connection.
///
/// The socket is mode 0600, or 0660 with the group `control_socket_group` (whose members may only read
/// `status`). The kernel's peer credentials decide every request, so the mode is a second fence, not the only one.
public struct ControlSocketService: Service {
    /// The largest request the agent reads.
    static let maximumRequestSize = 64 * 1024

    let path: String
    let statusGroup: String?
    let handler: any ControlRequestHandler
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger

    /// Creates the service; `run()` binds the socket.
    public init(
        path: String, statusGroup: String?, handler: any ControlRequestHandler, eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) {
        self.path = path
        self.statusGroup = statusGroup
        self.handler = handler
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Binds the socket and answers requests until graceful shutdown; removes the socket file on the way out.
    public func run() async throws {
        let groupID = try statusGroup.map(ControlSocketFile.groupID(named:))
        try await ControlSocketFile.prepare(path: path, eventLoopGroup: eventLoopGroup)
        // Bound under a temporary name and renamed into place once its mode is set, so that no client ever finds
        // the socket at `path` with the wrong mode.
        let temporaryPath = path + ".new"
        let server = try await ServerBootstrap(group: eventLoopGroup)
            .bind(unixDomainSocketPath: temporaryPath, cleanupExistingSocketFile: true) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        defer { ControlSocketFile.remove(path) }
        do {
            try ControlSocketFile.restrict(path: temporaryPath, groupID: groupID)
            try ControlSocketFile.moveIntoPlace(temporaryPath, path)
        } catch {
            ControlSocketFile.remove(temporaryPath)
            try? await server.channel.close()
            throw error
        }
        logger.info("control socket listening", metadata: ["control.socket": "\(path)"])
        let context = ConnectionContext(
            handler: handler, statusGroupID: groupID, agentUserID: geteuid(), logger: logger)
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await context.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }
}
