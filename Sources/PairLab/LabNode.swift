/// One of the two nodes of the pair.
public enum LabNode: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case a
    case b

    /// The node's name: its `node` line in ha.cf, its `cluster_name`, the name clients see.
    public var name: String {
        switch self {
        case .a: "castor"
        case .b: "pollux"
        }
    }

    /// The other node.
    public var peer: LabNode {
        self == .a ? .b : .a
    }

    public var description: String {
        "\(name) (\(rawValue.uppercased()))"
    }
}

/// A network namespace of the lab.
public enum LabNamespace: Sendable, Hashable, CustomStringConvertible {
    /// A node's namespace: its links, its PostgreSQL, its rsync daemon, later its agent.
    case node(LabNode)
    /// The LAN switch: a Linux bridge the nodes and the client are plugged into. Also hosts the serial pair.
    case lan
    /// The client: probes connect from here, through the LAN.
    case client
    /// The fence host on the LAN (a hypervisor's stand-in): its sshd runs the fence command that kills a node.
    case fence

    public static let all: [LabNamespace] = [.node(.a), .node(.b), .lan, .client, .fence]

    /// The role part of the namespace's name.
    var role: String {
        switch self {
        case .node(let node): node.rawValue
        case .lan: "lan"
        case .client: "client"
        case .fence: "fence"
        }
    }

    public var description: String {
        switch self {
        case .node(let node): node.name
        case .lan: "lan"
        case .client: "client"
        case .fence: "fence host"
        }
    }
}

/// A cable of the lab that a fault can cut.
public enum LabLink: Sendable, Hashable, CustomStringConvertible {
    /// The node-to-node link for replication and sync (a crossover cable).
    case primary
    /// The dedicated node-to-node heartbeat link.
    case heartbeat
    /// A node's port on the LAN.
    case lan(LabNode)

    public var description: String {
        switch self {
        case .primary: "primary link"
        case .heartbeat: "heartbeat link"
        case .lan(let node): "LAN port of \(node.name)"
        }
    }
}
