/// What an ARP probe found out about an IPv4 address on a LAN.
public enum AddressProbeResult: Sendable, Hashable {
    /// Every probe was sent and no other host answered for the address or probed for it before the timeout.
    case free
    /// Another host answered for the address (or probed for it at the same time): the first such packet, from
    /// `by`, received at `at` (a monotonic instant, so the caller can ignore answers older than a moment it cares
    /// about, such as the peer falling silent).
    case inUse(by: MACAddress, at: ContinuousClock.Instant)
}
