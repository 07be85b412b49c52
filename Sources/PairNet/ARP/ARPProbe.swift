import Glibc
import Logging
import NIOCore
import NIOPosix
import PairCore

/// The duplicate-address check (RFC 5227 probes, millisecond timings): asks the LAN on one interface whether any
/// other host holds an IPv4 address. See docs/arp.md.
///
/// Each probe run opens its own packet socket, hands it to SwiftNIO (`NIOPipeBootstrap`, reading only) on
/// `eventLoop`, sends the probes from that loop and settles there, so no thread ever waits in a system call. It
/// does not see this host: a probe run while this host holds the address itself finds it free.
public struct ARPProbe: Sendable {
    /// How many probes a run sends unless told otherwise.
    public static let defaultProbeCount = 3
    /// How far apart the probes go out unless told otherwise.
    public static let defaultInterval = Duration.milliseconds(30)
    /// How long after the first probe a run waits for answers unless told otherwise.
    public static let defaultTimeout = Duration.milliseconds(200)

    /// The interface whose LAN is asked, e.g. `eth0`.
    public let interface: String
    private let eventLoop: any EventLoop
    private let logger: Logger

    /// A probe on `interface`, run on `eventLoop` (by default one of SwiftNIO's shared loops).
    public init(
        interface: String, eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next(), logger: Logger
    ) {
        self.interface = interface
        self.eventLoop = eventLoop
        var logger = logger
        logger[metadataKey: "arp.interface"] = "\(interface)"
        self.logger = logger
    }

    /// Sends `probes` ARP probes for `address`, `interval` apart, and returns the first claim another host makes
    /// on it — an answer, an announcement, its own probe — or `.free` once `timeout` has passed since the first
    /// probe with none. Returns as soon as a claim arrives.
    ///
    /// Throws `ARPError` when the interface is missing, not Ethernet, down or without carrier (at the start or at
    /// the verdict), or when a probe cannot be sent: then nothing is known about the address.
    /// Throws `CancellationError` when the task is cancelled.
    public func probe(
        _ address: IPv4Address, timeout: Duration = defaultTimeout, probes: Int = defaultProbeCount,
        interval: Duration = defaultInterval
    ) async throws -> AddressProbeResult {
        let plan = try ARPProbePlan(address: address, probes: probes, interval: interval, timeout: timeout)
        guard let bootstrap = NIOPipeBootstrap(validatingGroup: eventLoop) else {
            throw ARPError(.channelFailed, "the event loop given to ARPProbe is not a SwiftNIO POSIX loop")
        }
        let (descriptor, link) = try openSocket(for: address)
        let promise = eventLoop.makePromise(of: AddressProbeResult.self)
        var runLogger = logger
        runLogger[metadataKey: "arp.address"] = "\(address)"
        let logger = runLogger
        let channel: any Channel
        do {
            channel =
                try await bootstrap
                .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 2048))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let session = ARPProbeSession(
                            channel: channel, descriptor: descriptor, interface: link, plan: plan, promise: promise,
                            logger: logger)
                        try channel.pipeline.syncOperations.addHandler(ARPReceiveHandler(session: session))
                    }
                }
                .takingOwnershipOfDescriptor(input: descriptor).get()
        } catch {
            // On failure the descriptor is still ours.
            Glibc.close(descriptor)
            promise.fail(error)
            throw ARPError(.channelFailed, "SwiftNIO cannot read the packet socket on \(interface): \(error)")
        }
        let result: Result<AddressProbeResult, any Error>
        do {
            let value = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(CancellationError())
            }
            result = .success(value)
        } catch {
            result = .failure(error)
        }
        // The session closes the channel once the promise is settled; wait for the socket to be gone.
        try? await channel.closeFuture.get()
        return try result.get()
    }

    /// A packet socket bound to the interface, after checking that it is Ethernet, up and with a carrier.
    private func openSocket(for address: IPv4Address) throws(ARPError) -> (CInt, EthernetInterface) {
        let descriptor = try ARPSocket.open()
        do throws(ARPError) {
            let link = try EthernetInterface.lookUp(interface, using: descriptor)
            try EthernetInterface.requireCarrier(
                interface, consequence: "the LAN cannot be asked whether \(address) is free")
            try ARPSocket.bind(descriptor, to: link)
            return (descriptor, link)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }
}
