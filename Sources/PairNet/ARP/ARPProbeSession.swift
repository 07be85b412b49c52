import Logging
import NIOCore

/// One probe run, confined to the channel's event loop (create it there): sends the probes on schedule through the
/// socket SwiftNIO reads, looks at every ARP packet received, and settles the promise once — with the first claim on
/// the address, with `.free` at the deadline, or with an error — then closes the channel (and with it the socket).
final class ARPProbeSession {
    private let channel: any Channel
    /// Valid while `channel` is open; SwiftNIO closes it.
    private let descriptor: CInt
    private let interface: EthernetInterface
    private let plan: ARPProbePlan
    private let promise: EventLoopPromise<AddressProbeResult>
    private let logger: Logger
    private var timers: [Scheduled<Void>] = []
    private var isStarted = false
    private var isSettled = false

    init(
        channel: any Channel, descriptor: CInt, interface: EthernetInterface, plan: ARPProbePlan,
        promise: EventLoopPromise<AddressProbeResult>, logger: Logger
    ) {
        self.channel = channel
        self.descriptor = descriptor
        self.interface = interface
        self.plan = plan
        self.promise = promise
        self.logger = logger
        promise.futureResult.assumeIsolated().whenComplete { _ in self.settled() }
    }

    /// Sends the first probe and schedules the rest and the verdict. The socket has been receiving since it was
    /// bound, so no answer can slip past.
    func start() {
        guard !isStarted, !isSettled else { return }
        isStarted = true
        let loop = channel.eventLoop.assumeIsolated()
        sendProbe(0)
        for number in 1..<plan.probes {
            timers.append(loop.scheduleTask(in: TimeAmount(plan.offset(ofProbe: number))) { self.sendProbe(number) })
        }
        timers.append(loop.scheduleTask(in: TimeAmount(plan.timeout)) { self.deadlinePassed() })
    }

    /// Looks at one ARP packet that arrived on the interface at `instant`.
    func received(_ packet: ARPPacket, at instant: ContinuousClock.Instant) {
        guard !isSettled, packet.claims(plan.address, against: interface.hardwareAddress) else { return }
        logger.debug(
            "arp probe: address in use",
            metadata: ["arp.from": "\(packet.senderHardwareAddress)", "arp.operation": "\(packet.operation)"])
        promise.succeed(.inUse(by: packet.senderHardwareAddress, at: instant))
    }

    /// The socket stopped delivering (SwiftNIO closed the channel after a read error or an empty read) before the
    /// verdict: whatever answered afterwards went unheard, so the probe cannot say the address is free.
    func closed() {
        promise.fail(
            ARPError(
                .receiveFailed,
                "the packet socket on \(interface.name) closed before the probe for \(plan.address) ended; "
                    + "whether the address is free is unknown, probe again"))
    }

    func failed(_ error: any Error) {
        promise.fail(
            ARPError(.receiveFailed, "reading ARP packets on \(interface.name) failed: \(error); probe again"))
    }

    private func sendProbe(_ number: Int) {
        guard !isSettled else { return }
        let probe = ARPPacket.probe(for: plan.address, from: interface.hardwareAddress)
        if let code = ARPSocket.send(probe, on: descriptor, interfaceIndex: interface.index) {
            promise.fail(
                ARPError(
                    .sendFailed,
                    "cannot send ARP probe \(number + 1) of \(plan.probes) for \(plan.address) on \(interface.name): "
                        + "\(SystemError.describe(code)); whether the address is free is unknown, probe again"))
            return
        }
        logger.trace("arp probe sent", metadata: ["arp.probe": "\(number + 1)"])
    }

    private func deadlinePassed() {
        guard !isSettled else { return }
        // A link without carrier now may have kept an answer away. (A carrier lost and back within the run goes
        // unnoticed; the probes sent after it returned were heard.)
        do {
            try EthernetInterface.requireCarrier(
                interface.name, consequence: "whether \(plan.address) is free is unknown")
        } catch {
            promise.fail(error)
            return
        }
        promise.succeed(.free)
    }

    private func settled() {
        isSettled = true
        for timer in timers { timer.cancel() }
        timers = []
        channel.close(promise: nil)
    }
}
