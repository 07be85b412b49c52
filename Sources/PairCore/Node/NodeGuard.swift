/// A check that must pass before this node starts a group the peer may still hold.
///
/// Ping and the duplicate-address check run continuously once started: the agent reports every round's result
/// (`guardAnswered`) until told to stop. Fencing is one attempt per start.
public enum NodeGuard: Sendable, Hashable {
    /// Ping every `ping` / `ping_group` target; a round is reachable when at least one target answers.
    case ping
    /// Fence the peer once with the configured method.
    case fence
    /// Probe the address with ARP (RFC 5227 probes) to see whether another host answers for it.
    case duplicateAddress(IPv4Address)
}
