import ArgumentParser

/// `pgpair-lab arp probe|announce`: PairNet's ARP probe and announcer, for the lab to run inside a node's
/// namespace (the test process never enters one). Each prints one JSON line (`ARPHelperReport`).
struct ARPHelper: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arp",
        abstract: "Probe for or announce an IPv4 address with ARP on an interface of this namespace.",
        subcommands: [ARPProbeCommand.self, ARPAnnounceCommand.self]
    )

    /// Checks an `--address`: a numeric lab address (198.18.0.0/15); the helpers never act on another.
    static func validateAddress(_ text: String) throws {
        guard IPv4Text.isLabOrLoopback(text) else {
            throw ValidationError("--address must be a numeric lab address (198.18.0.0/15): \(text) is not")
        }
    }
}
