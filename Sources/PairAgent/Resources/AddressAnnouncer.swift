import Logging
import PairCore
import PairNet

/// Tells the LAN that an address this host has just added now lives here.
public protocol AddressAnnouncer: Sendable {
    /// Announces `address` on `interface`. Throws when not even the first announcement could be sent.
    func announce(_ address: IPv4Address, on interface: String) async throws
}

/// Gratuitous ARP through PairNet's ``ARPAnnouncer``: the first moment of the schedule is sent before `announce`
/// returns; the later repeats (50 ms, 100 ms, 1 s) are sent before returning (`pgpair resource start`, which exits
/// right after), or handed to the agent, which runs them beside the rest of the group's start (a takeover must not
/// wait a second for them) as work it owns and ends at shutdown.
public struct ARPAddressAnnouncer: AddressAnnouncer {
    /// Where the repeats run.
    public enum Repeats: Sendable {
        /// Before `announce` returns.
        case beforeReturning
        /// In work handed to this function, which runs it later (the agent's node service).
        case handedTo(@Sendable (_ work: @escaping @Sendable () async -> Void) -> Void)
    }

    private let logger: Logger
    private let repeats: Repeats

    /// An announcer.
    public init(logger: Logger, repeats: Repeats) {
        self.logger = logger
        self.repeats = repeats
    }

    public func announce(_ address: IPv4Address, on interface: String) async throws {
        let announcer = ARPAnnouncer(interface: interface, logger: logger)
        let schedule = ARPAnnouncer.defaultSchedule
        try await announcer.announce(address, schedule: [schedule[0]])
        let later = schedule.dropFirst().map { $0 - schedule[0] }
        guard !later.isEmpty else { return }
        switch repeats {
        case .beforeReturning:
            try await announcer.announce(address, schedule: Array(later))
        case .handedTo(let run):
            let logger = logger
            run {
                do {
                    try await announcer.announce(address, schedule: Array(later))
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning(
                        "arp repeat announcements failed",
                        metadata: ["arp.address": "\(address)", "arp.error": "\(error)"])
                }
            }
        }
    }
}
