import Logging
import NIOCore
import PairCore

/// One ping round, confined to the channel's event loop (create it there): sends one echo request to every
/// address through the raw socket SwiftNIO reads, matches the replies, and settles the promise once — when every
/// address has answered or could not be sent to, or at the deadline — then closes the channel (and the socket).
final class PingRoundSession {
    private let channel: any Channel
    private let addresses: [IPv4Address]
    private let identifier: UInt16
    /// Random bytes every request carries and its reply must echo: a raw socket sees every ICMP packet the host
    /// receives, including replies to other programs' pings that happen to use the same identifier.
    private let nonce: [UInt8]
    private let timeout: Duration
    private let promise: EventLoopPromise<PingRound>
    private let logger: Logger
    private var round: PingRound?
    private var timer: Scheduled<Void>?
    private var isSettled = false

    init(
        channel: any Channel, addresses: [IPv4Address], timeout: Duration, promise: EventLoopPromise<PingRound>,
        logger: Logger
    ) {
        self.channel = channel
        self.addresses = addresses
        self.identifier = UInt16.random(in: .min ... .max)
        self.nonce = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        self.timeout = timeout
        self.promise = promise
        self.logger = logger
        promise.futureResult.assumeIsolated().whenComplete { _ in self.settled() }
    }

    /// Sends every request and schedules the deadline. The socket has been receiving since it was bound, so no
    /// reply can slip past.
    func start() {
        guard round == nil, !isSettled else { return }
        round = PingRound(began: .now)
        timer = channel.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) { self.deadlinePassed() }
        for (index, address) in addresses.enumerated() {
            send(to: address, sequence: UInt16(index))
        }
    }

    /// Looks at one ICMP packet the host received at `instant`.
    func received(_ datagram: ByteBufferView, at instant: ContinuousClock.Instant) {
        guard !isSettled, var round, let (source, packet) = ICMPEchoPacket.reply(fromIPv4Datagram: datagram),
            packet.identifier == identifier, packet.payload == nonce, Int(packet.sequence) < addresses.count
        else { return }
        let address = addresses[Int(packet.sequence)]
        guard address.value == source, round.replies[address] == nil else { return }
        round.replies[address] = instant
        self.round = round
        logger.trace("ping reply", metadata: ["ping.address": "\(address)"])
        settleIfComplete()
    }

    /// The socket stopped delivering before the deadline: replies that came afterwards went unheard.
    func closed() {
        promise.fail(
            PingError(.socketFailed, "the ICMP socket closed before the ping round ended; nothing is known, ping again")
        )
    }

    private func send(to address: IPv4Address, sequence: UInt16) {
        let request = ICMPEchoPacket.request(identifier: identifier, sequence: sequence, payload: nonce)
        let destination: SocketAddress
        do {
            destination = try SocketAddress(ipAddress: address.description, port: 0)
        } catch {
            noteUnsent(address, "\(error)")
            return
        }
        let envelope = AddressedEnvelope(remoteAddress: destination, data: ByteBuffer(bytes: request.encoded))
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { error in
            self.noteUnsent(address, Self.describe(error))
        }
        channel.writeAndFlush(envelope, promise: written)
    }

    private func noteUnsent(_ address: IPv4Address, _ reason: String) {
        guard !isSettled, var round else { return }
        round.unsent[address] = reason
        self.round = round
        logger.trace("ping request not sent", metadata: ["ping.address": "\(address)", "ping.error": "\(reason)"])
        settleIfComplete()
    }

    /// Every address has answered or could not be sent to: nothing more can arrive, so the round ends early.
    private func settleIfComplete() {
        guard let round, round.replies.count + round.unsent.count >= addresses.count else { return }
        promise.succeed(round)
    }

    private func deadlinePassed() {
        guard !isSettled, let round else { return }
        promise.succeed(round)
    }

    private func settled() {
        isSettled = true
        timer?.cancel()
        timer = nil
        channel.close(promise: nil)
    }

    /// `No route to host (errno 113)` rather than SwiftNIO's longer form, when the error carries an errno.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? IOError {
            return SystemError.describe(error.errnoCode)
        }
        return "\(error)"
    }
}
