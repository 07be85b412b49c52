import Logging
import PairCore
import PairNet

/// The guards on a real node: the duplicate-address check by native ARP probes (PairNet's `ARPProbe`) on the
/// interface the service address goes on, repeated back to back while the guard runs, so that a fresh answer is
/// ready at the verdict.
///
/// Ping targets and fencing are refused at agent start by this version (`NodeService.unsupportedSettings`), so
/// their guards are never asked for here.
public struct SystemGuards: GuardRunner {
    /// The pause between two probe runs: short, so an answer is at most one run old at the verdict, yet the LAN
    /// sees at most a few probes a second while the peer is silent.
    static let pause = Duration.milliseconds(20)
    /// The wait before trying again when the interface cannot be probed (down, no carrier).
    static let retryAfterError = Duration.milliseconds(250)

    private let addresses: [IPv4Address: ServiceAddress]
    private let control: any AddressControl
    private let logger: Logger

    /// Guards for the service addresses of `groups`; interfaces not written in haresources are found through
    /// `control` (the interface whose subnet holds the address).
    public init(groups: [ResourceGroup], control: any AddressControl, logger: Logger) {
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
        self.logger = logger
    }

    public func run(
        _ guard: NodeGuard, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void
    ) async {
        switch `guard` {
        case .duplicateAddress(let address):
            await probeContinuously(address, report: report)
        case .ping, .fence:
            logger.error("guard not available in this version", metadata: ["guard.kind": "\(`guard`)"])
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
