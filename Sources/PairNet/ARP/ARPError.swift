/// Why an ARP probe or announcement could not be done. A probe that throws has *not* found the address free: the
/// caller must treat the address as possibly in use (and may try again).
public struct ARPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// No interface of that name exists in this network namespace.
        case interfaceMissing = "interface_missing"
        /// The interface is not Ethernet (e.g. `lo`, a tunnel): it has no ARP.
        case notEthernet = "not_ethernet"
        /// The interface is administratively down.
        case interfaceDown = "interface_down"
        /// The interface is up but has no carrier (cable, switch port or peer down): nothing sent reaches the LAN.
        case noCarrier = "no_carrier"
        /// The packet socket could not be created, bound or queried (e.g. no CAP_NET_RAW).
        case socketFailed = "socket_failed"
        /// The kernel refused to send a frame.
        case sendFailed = "send_failed"
        /// The packet socket stopped delivering before the probe ended.
        case receiveFailed = "receive_failed"
        /// SwiftNIO refused the packet socket or the event loop.
        case channelFailed = "channel_failed"
        /// The address cannot name a host (0.0.0.0, broadcast, multicast, loopback).
        case invalidAddress = "invalid_address"
        /// The probe count, interval, timeout or announcement schedule make no sense.
        case invalidSchedule = "invalid_schedule"
    }

    /// What went wrong.
    public var code: Code
    /// What happened and what to do about it.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String {
        "\(code.rawValue): \(message)"
    }
}
