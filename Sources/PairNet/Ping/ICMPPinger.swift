import Logging
import NIOCore
import NIOPosix
import PairCore

/// Sends ICMP echo requests (ping) through a raw IPv4 socket and waits, with a millisecond timeout, for the replies.
/// See docs/guards.md.
///
/// A raw socket rather than a datagram ICMP socket: the agent runs as root, which the ARP probes need already
/// (CAP_NET_RAW), and a raw socket does not depend on `net.ipv4.ping_group_range`, which is closed ("1 0") in
/// every new network namespace and on many systems. Each round opens its own socket, hands it to SwiftNIO
/// (`NIORawSocketBootstrap`) on `eventLoop` and settles there, so no thread ever waits in a system call.
public struct ICMPPinger: Sendable {
    private let eventLoop: any EventLoop
    private let logger: Logger

    /// A pinger whose rounds run on `eventLoop` (by default one of SwiftNIO's shared loops).
    public init(eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next(), logger: Logger) {
        self.eventLoop = eventLoop
        self.logger = logger
    }

    /// Sends one echo request to each of `addresses` at once and returns which answered within `timeout` of the
    /// first request. Returns early when every address has answered (or could not be sent to). An address that
    /// cannot be sent to (no route, network down) is in the round's `unsent`, not an error.
    ///
    /// Throws `PingError` when the socket cannot be opened (then nothing is known), and `CancellationError` when
    /// the task is cancelled.
    public func ping(_ addresses: [IPv4Address], timeout: Duration) async throws -> PingRound {
        guard timeout > .zero, !addresses.isEmpty, Set(addresses).count == addresses.count,
            addresses.count <= Int(UInt16.max)
        else {
            throw PingError(
                .invalidRound, "a ping round needs distinct addresses and a positive timeout, not \(timeout)")
        }
        guard let bootstrap = NIORawSocketBootstrap(validatingGroup: eventLoop) else {
            throw PingError(.socketFailed, "the event loop given to ICMPPinger is not a SwiftNIO POSIX loop")
        }
        let promise = eventLoop.makePromise(of: PingRound.self)
        let logger = self.logger
        let channel: any Channel
        do {
            channel =
                try await bootstrap
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let session = PingRoundSession(
                            channel: channel, addresses: addresses, timeout: timeout, promise: promise,
                            logger: logger)
                        try channel.pipeline.syncOperations.addHandler(PingReceiveHandler(session: session))
                    }
                }
                .bind(host: "0.0.0.0", ipProtocol: .icmp).get()
        } catch {
            promise.fail(error)
            throw PingError(.socketFailed, Self.explain(error))
        }
        let result: Result<PingRound, any Error>
        do {
            let round = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(CancellationError())
            }
            result = .success(round)
        } catch {
            result = .failure(error)
        }
        // The session closes the channel once the promise is settled; wait for the socket to be gone.
        try? await channel.closeFuture.get()
        return try result.get()
    }

    private static func explain(_ error: any Error) -> String {
        if let error = error as? IOError, error.errnoCode == EPERM || error.errnoCode == EACCES {
            return "cannot open a raw ICMP socket: \(SystemError.describe(error.errnoCode)); ping needs "
                + "CAP_NET_RAW (run pgpair as root)"
        }
        return "cannot open a raw ICMP socket: \(error)"
    }
}
