/// A guard's result, reported with the instant it speaks for: when a reply arrived, or — for "nobody answered" —
/// when the round's first probe was sent, so a round that began before the peer fell silent never counts.
public enum GuardAnswer: Sendable, Equatable {
    /// A ping round: at least one target answered (`reachable`), or none did.
    case ping(reachable: Bool)
    /// A fence attempt: confirmed (`succeeded`), or failed or timed out.
    case fence(succeeded: Bool)
    /// An ARP probe round for the address: another host answered (`answered`), or none did.
    case duplicateAddress(IPv4Address, answered: Bool)
}
