import Foundation

/// One sampled moment of one node: whether it held the service address on its LAN interface, and whether it was up
/// on the LAN — its LAN interface up with a carrier and its processes not frozen. A node that is cut off or frozen
/// may still have the address on its interface (a frozen node's kernel even answers ARP for it), but it serves no
/// one: holding the address counts as active only while the node is up on the LAN.
public struct AddressHolderReading: Sendable, Equatable {
    public var node: LabNode
    /// When the reading was taken (just after `ip` answered).
    public var time: Date
    /// The address was on the node's LAN interface.
    public var holds: Bool
    /// The node's LAN interface was up with a carrier.
    public var linkUp: Bool
    /// The node's processes were stopped (SIGSTOP).
    public var frozen: Bool

    public init(node: LabNode, time: Date, holds: Bool, linkUp: Bool, frozen: Bool) {
        self.node = node
        self.time = time
        self.holds = holds
        self.linkUp = linkUp
        self.frozen = frozen
    }

    /// Up on the LAN: link up and not frozen.
    public var isUpOnLAN: Bool {
        linkUp && !frozen
    }

    /// Holding the address while up on the LAN: serving it.
    public var isActive: Bool {
        holds && isUpOnLAN
    }
}
