import Logging
import PairCore
import PairNet
import PairSSH

/// The guards on a real node (see docs/guards.md):
/// - ping: a round of ICMP echo requests (PairNet's `ICMPPinger`) to every `ping`/`ping_group` address every
///   keepalive, reporting whether at least one target answered;
/// - fence: one attempt per start with the configured method, `fence command` (a local program) or `fence ssh`
///   (a command on a fence host through PairSSH);
/// - the duplicate-address check by native ARP probes (PairNet's `ARPProbe`) on the interface the service address
///   goes on, repeated back to back while the guard runs, so that a fresh answer is ready at the verdict.
public struct SystemGuards: GuardRunner {
    /// The pause between two probe runs: short, so an answer is at most one run old at the verdict, yet the LAN
    /// sees at most a few probes a second while the peer is silent.
    static let pause = Duration.milliseconds(20)
    /// The wait before trying again when the interface cannot be probed (down, no carrier).
    static let retryAfterError = Duration.milliseconds(250)

    private let addresses: [IPv4Address: ServiceAddress]
    private let control: any AddressControl
    private let ping: PingGuard?
    private let fence: FenceGuard?
    private let logger: Logger

    /// The guards `configuration` asks for: ping targets probed every `keepalive`, the configured fence (bounded
    /// by `fence_timeout`) aimed at the peer, and the duplicate-address check for the service addresses of its
    /// groups; interfaces not written in haresources are found through `control` (the interface whose subnet
    /// holds the address). Fence programs run through `processes`.
    public init(
        configuration: PairConfiguration, control: any AddressControl,
        processes: any ProcessRunner = SubprocessRunner(), logger: Logger
    ) {
        let ha = configuration.ha
        let ping = PingGuard(
            targets: ha.pingTargets, interval: ha.timing.keepalive, probe: ICMPPinger(logger: logger), logger: logger)
        var fence: (any Fence)?
        switch ha.fencing.method {
        case .command(let path, let arguments):
            fence = FenceCommand(path: path, arguments: arguments, timeout: ha.fencing.timeout, runner: processes)
        case .ssh(let target):
            fence = FenceSSH(target: target, timeout: ha.fencing.timeout, shell: SSHClient(logger: logger))
        case nil:
            fence = nil
        }
        self.init(
            groups: configuration.resources.groups, control: control,
            ping: ha.pingTargets.isEmpty ? nil : ping,
            fence: fence.map { FenceGuard(fence: $0, peer: ha.peerNode, logger: logger) }, logger: logger)
    }

    /// Guards from their parts: the duplicate-address check for the service addresses of `groups`, and the ping
    /// and fence guards when configured.
    init(
        groups: [ResourceGroup], control: any AddressControl, ping: PingGuard?, fence: FenceGuard?, logger: Logger
    ) {
        var addresses: [IPv4Address: ServiceAddress] = [:]
        for group in groups {
            for resource in group.resources {
                if case .serviceAddress(let address) = resource.kind, addresses[address.address] == nil {
                    addresses[address.address] = address
                }
            }
        }
        self.addresses = addresses
        self.control = control
        self.ping = ping
        self.fence = fence
        self.logger = logger
    }

    public var monitorsPing: Bool { ping != nil }

    public func monitorPing(report: @escaping @Sendable (PingObservation) -> Void) async {
        await ping?.runRounds(report)
    }

    public func run(
        _ guard: NodeGuard, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void
    ) async {
        switch `guard` {
        case .duplicateAddress(let address):
            await probeContinuously(address, report: report)
        case .ping:
            guard let ping else {
                logger.error("ping guard asked for, but no ping target is configured; takeover waits")
                return
            }
            await ping.run(report: report)
        case .fence:
            guard let fence else {
                logger.error("fence guard asked for, but no fence is configured; takeover waits")
                return
            }
            await fence.run(report: report)
        }
    }

    private func probeContinuously(
        _ address: IPv4Address, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void
    ) async {
        var logger = self.logger
        logger[metadataKey: "arp.address"] = "\(address)"
        var lastError: String?
        while !Task.isCancelled {
            do {
                let interface = try await self.interface(for: address)
                let probe = ARPProbe(interface: interface, logger: logger)
                let began = ContinuousClock.now
                switch try await probe.probe(address) {
                case .free:
                    report(.duplicateAddress(address, answered: false), began)
                case .inUse(let owner, let at):
                    report(.duplicateAddress(address, answered: true), at)
                    logger.debug("arp probe answered", metadata: ["arp.owner": "\(owner)"])
                }
                lastError = nil
                try await Task.sleep(for: Self.pause)
            } catch is CancellationError {
                return
            } catch {
                let text = "\(error)"
                if text != lastError {
                    logger.error(
                        "duplicate-address check cannot probe; takeover waits", metadata: ["arp.error": "\(text)"])
                    lastError = text
                }
                try? await Task.sleep(for: Self.retryAfterError)
            }
        }
    }

    /// The interface written in haresources (without an alias label), or the one whose subnet holds the address.
    private func interface(for address: IPv4Address) async throws -> String {
        if let written = addresses[address]?.interface {
            return String(written.split(separator: ":", maxSplits: 1).first ?? "")
        }
        guard let subnet = try await control.subnet(containing: address) else {
            throw ResourceError(
                .misconfigured, "no interface has a subnet that holds \(address); write the interface in haresources")
        }
        return subnet.interface
    }
}
