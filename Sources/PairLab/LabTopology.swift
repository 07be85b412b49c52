/// The lab's network: namespace names, interface names and addresses.
///
/// Addresses come from 198.18.0.0/15, the range RFC 2544 reserves for benchmarking, so they can never be
/// mistaken for a real network's. They are the same in every run: each run has namespaces of its own.
///
/// ```
///            primary link 198.18.1.0/30 (pri0)
///   castor (A) ──────────────────────────── pollux (B)
///   .1         heartbeat 198.18.2.0/30 (hb0)        .2
///     │ lan0 198.18.0.1          lan0 198.18.0.2 │
///     └──── port-a ── br0 (lan) ── port-b ───────┘
///                      │ port-client
///                 client lan0 198.18.0.10, fence host lan0 198.18.0.20
/// ```
/// 198.18.0.100 on the LAN is reserved for the service address. The serial pair is two pseudo
/// terminals joined by socat (see `LabPaths.serialDevice(of:)`).
public struct LabTopology: Sendable, Hashable {
    /// Every lab namespace name starts with this; the run ID follows.
    public static let namespacePrefix = "pgl-"

    /// This run's identifier: eight lower-case hex digits, part of every name the run creates.
    public let runID: String

    public init(runID: String) {
        precondition(Self.isRunID(runID), "a lab run ID is eight lower-case hex digits")
        self.runID = runID
    }

    /// A topology with a fresh random run ID.
    public static func random() -> LabTopology {
        LabTopology(runID: String(format8Hex: UInt32.random(in: .min ... .max)))
    }

    // MARK: Namespaces

    /// The name of a namespace of this run, e.g. `pgl-1a2b3c4d-a`.
    public func namespaceName(_ namespace: LabNamespace) -> String {
        "\(Self.namespacePrefix)\(runID)-\(namespace.role)"
    }

    /// Every namespace of this run.
    public var namespaceNames: [String] {
        LabNamespace.all.map(namespaceName)
    }

    static func isRunID(_ text: String) -> Bool {
        text.count == 8 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Whether `name` has the shape of a lab namespace name; the sweep touches no other name.
    public static func isLabNamespaceName(_ name: String) -> Bool {
        guard name.hasPrefix(namespacePrefix) else { return false }
        let rest = name.dropFirst(namespacePrefix.count)
        guard let dash = rest.firstIndex(of: "-") else { return false }
        let role = rest[rest.index(after: dash)...]
        return isRunID(String(rest[..<dash])) && ["a", "b", "lan", "client", "fence", "check"].contains(role)
    }

    // MARK: Addresses

    /// The whole lab range; PostgreSQL's pg_hba trusts it.
    public let labRange = IPv4Interface("198.18.0.0", prefixLength: 15)
    /// The LAN's subnet.
    public let lanSubnet = IPv4Interface("198.18.0.0", prefixLength: 24)
    /// Reserved for the service address that moves with PostgreSQL (not configured by the lab).
    public let serviceAddress = IPv4Interface("198.18.0.100", prefixLength: 24)
    /// The client's LAN address.
    public let clientAddress = IPv4Interface("198.18.0.10", prefixLength: 24)
    /// The fence host's LAN address.
    public let fenceHostAddress = IPv4Interface("198.18.0.20", prefixLength: 24)

    /// A node's LAN address: 198.18.0.1 (A), 198.18.0.2 (B).
    public func lanAddress(_ node: LabNode) -> IPv4Interface {
        IPv4Interface("198.18.0.\(node.hostNumber)", prefixLength: 24)
    }

    /// A node's address on the primary link: 198.18.1.1 (A), 198.18.1.2 (B).
    public func primaryAddress(_ node: LabNode) -> IPv4Interface {
        IPv4Interface("198.18.1.\(node.hostNumber)", prefixLength: 30)
    }

    /// A node's address on the heartbeat link: 198.18.2.1 (A), 198.18.2.2 (B).
    public func heartbeatAddress(_ node: LabNode) -> IPv4Interface {
        IPv4Interface("198.18.2.\(node.hostNumber)", prefixLength: 30)
    }

    /// Every address of a node (LAN, primary, heartbeat).
    public func addresses(_ node: LabNode) -> [IPv4Interface] {
        [lanAddress(node), primaryAddress(node), heartbeatAddress(node)]
    }

    // MARK: Interfaces (names are per namespace, so they need no run prefix)

    /// A node's (and the client's) LAN interface.
    public let lanInterface = "lan0"
    /// A node's end of the primary link.
    public let primaryInterface = "pri0"
    /// A node's end of the heartbeat link.
    public let heartbeatInterface = "hb0"
    /// The bridge in the LAN namespace.
    public let bridgeInterface = "br0"

    /// The bridge port in the LAN namespace that `namespace`'s LAN interface is plugged into.
    public func bridgePort(for namespace: LabNamespace) -> String {
        "port-\(namespace.role)"
    }

    /// Every interface name the lab creates, in any namespace.
    public var interfaceNames: Set<String> {
        var names: Set<String> = [lanInterface, primaryInterface, heartbeatInterface, bridgeInterface]
        for namespace in [LabNamespace.node(.a), .node(.b), .client, .fence] {
            names.insert(bridgePort(for: namespace))
        }
        return names
    }

    /// Both ends of a link, as (namespace, interface).
    public func ends(of link: LabLink) -> [(namespace: LabNamespace, interface: String)] {
        switch link {
        case .primary: [(.node(.a), primaryInterface), (.node(.b), primaryInterface)]
        case .heartbeat: [(.node(.a), heartbeatInterface), (.node(.b), heartbeatInterface)]
        case .lan(let node): [(.node(node), lanInterface), (.lan, bridgePort(for: .node(node)))]
        }
    }

    // MARK: Ports

    /// PostgreSQL's port on both nodes (each node has its own namespace and socket directory).
    public let postgresPort = 5432
    /// The rsync daemon's port on both nodes.
    public let rsyncPort = 873
}

extension LabNode {
    /// The last octet of the node's addresses.
    var hostNumber: Int {
        self == .a ? 1 : 2
    }
}

extension String {
    init(format8Hex value: UInt32) {
        let hex = String(value, radix: 16)
        self = String(repeating: "0", count: 8 - hex.count) + hex
    }
}
