import Glibc
import Logging
import PairCore

/// Gratuitous ARP for an address this host has just taken: tells every neighbour on the interface's LAN (clients,
/// the router) to send traffic for the address to this host's hardware address. See docs/arp.md.
///
/// Sending never waits: the packet socket is non-blocking and sends only; between the moments of the schedule the
/// task sleeps. The address should already be on the interface, or the neighbours will send to a host that drops
/// what they send.
public struct ARPAnnouncer: Sendable {
    /// What each moment of the schedule sends.
    public enum Form: String, Sendable, CaseIterable {
        /// The RFC 5227 announcement: a broadcast request with sender and target protocol address both the address.
        case request
        /// A gratuitous reply: a broadcast reply, sender and target both the address at this host's hardware
        /// address, as heartbeat's `send_arp` sent; some routers and switches learn only from replies.
        case reply
    }

    /// When announcements go out unless told otherwise, after the call: a burst, and a repeat a second later for
    /// neighbours that missed the burst or were still learning the old owner's address.
    public static let defaultSchedule: [Duration] = [.zero, .milliseconds(50), .milliseconds(100), .seconds(1)]
    /// What each moment sends unless told otherwise: both forms, a request first.
    public static let defaultForms: [Form] = [.request, .reply]

    /// The interface that holds the address, e.g. `eth0`.
    public let interface: String
    private let logger: Logger

    /// An announcer on `interface`.
    public init(interface: String, logger: Logger) {
        self.interface = interface
        var logger = logger
        logger[metadataKey: "arp.interface"] = "\(interface)"
        self.logger = logger
    }

    /// Announces `address` at each moment of `schedule` (offsets from now, in order), sending each of `forms`;
    /// returns after the last. The caller that must not wait for the repeat runs it beside its other work.
    ///
    /// Throws `ARPError` when the interface is missing, not Ethernet, down or without carrier at the start, or
    /// when a frame cannot be sent (the message says how many went out); `CancellationError` when the task is
    /// cancelled (what was due before went out).
    public func announce(
        _ address: IPv4Address, schedule: [Duration] = defaultSchedule, forms: [Form] = defaultForms
    ) async throws {
        try Self.validate(address, schedule: schedule, forms: forms)
        let descriptor = try ARPSocket.open()
        defer { Glibc.close(descriptor) }
        let link = try EthernetInterface.lookUp(interface, using: descriptor)
        try EthernetInterface.requireCarrier(
            interface, consequence: "announcing \(address) would reach no neighbour")
        let packets = forms.map { form in
            switch form {
            case .request: ARPPacket.announcement(of: address, from: link.hardwareAddress)
            case .reply: ARPPacket.gratuitousReply(of: address, from: link.hardwareAddress)
            }
        }
        let start = ContinuousClock.now
        var sent = 0
        for offset in schedule {
            try await Task.sleep(until: start + offset, clock: .continuous)
            for packet in packets {
                if let code = ARPSocket.send(packet, on: descriptor, interfaceIndex: link.index) {
                    throw ARPError(
                        .sendFailed,
                        "cannot announce \(address) on \(interface): \(SystemError.describe(code)) after \(sent) of "
                            + "\(schedule.count * packets.count) frames; neighbours may still send to the old owner "
                            + "until their ARP entries expire")
                }
                sent += 1
            }
        }
        logger.debug(
            "arp announced",
            metadata: ["arp.address": "\(address)", "arp.frames": "\(sent)", "arp.mac": "\(link.hardwareAddress)"])
    }

    private static func validate(_ address: IPv4Address, schedule: [Duration], forms: [Form]) throws(ARPError) {
        guard !address.isUnusableAsHost else {
            throw ARPError(.invalidAddress, "\(address) cannot be a host's address, so it cannot be announced")
        }
        guard !schedule.isEmpty, !forms.isEmpty, schedule.allSatisfy({ $0 >= .zero }),
            zip(schedule, schedule.dropFirst()).allSatisfy({ $0 <= $1 })
        else {
            throw ARPError(
                .invalidSchedule,
                "an announcement needs at least one form and one moment, the moments in order and none negative")
        }
    }
}
