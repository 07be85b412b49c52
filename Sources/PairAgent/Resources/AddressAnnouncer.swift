import Logging
import PairCore
import PairNet

/// Tells the LAN that an address this host has just added now lives here.
public protocol AddressAnnouncer: Sendable {
    /// Announces `address` on `interface`. Throws when not even the first announcement could be sent.
    func announce(_ address: IPv4Address, on interface: String) async throws
}

/// Gratuitous ARP through PairNet's ``ARPAnnouncer``: the first moment of the schedule is sent before `announce`
/// returns; the later repeats (50 ms, 100 ms, 1 s) are sent beside the rest of the group's start when
/// `waitForRepeats` is false (the agent, which must not add a second to the takeover), or before returning when
/// it is true (`pgpair resource start`, which exits right after).
public struct ARPAddressAnnouncer: AddressAnnouncer {
    private let logger: Logger
    private let waitForRepeats: Bool

    /// An announcer.
    public init(logger: Logger, waitForRepeats: Bool) {
        self.logger = logger
        self.waitForRepeats = waitForRepeats
    }

    public func announce(_ address: IPv4Address, on interface: String) async throws {
        let announcer = ARPAnnouncer(interface: interface, logger: logger)
        let schedule = ARPAnnouncer.defaultSchedule
        try await announcer.announce(address, schedule: [schedule[0]])
        let repeats = schedule.dropFirst().map { $0 - schedule[0] }
        guard !repeats.isEmpty else { return }
        if waitForRepeats {
            try await announcer.announce(address, schedule: Array(repeats))
            return
        }
        // The repeats must outlive this call (the group goes on to start PostgreSQL); they are short, bounded
        // and only log when they fail.
        let logger = logger
        Task {
            do {
                try await announcer.announce(address, schedule: Array(repeats))
            } catch {
                logger.warning(
                    "arp repeat announcements failed",
                    metadata: ["arp.address": "\(address)", "arp.error": "\(error)"])
            }
        }
    }
}
