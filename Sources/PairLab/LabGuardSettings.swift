/// The takeover guards of the lab's agents: ping targets and fencing (ha.cf's `ping`, `fence`, `fence_timeout`,
/// `fence_delay`). Fencing uses the lab's kit (`LabFencing`): call `Lab.prepareFencing()` before the agents start.
public struct LabGuardSettings: Sendable, Hashable {
    /// How a node fences its peer.
    public enum Fence: Sendable, Hashable {
        /// `fence ssh root@FENCEHOST …command=…/fence-node PEER`: the fence host asks the lab for the peer's death.
        case sshToFenceHost(LabFencing.KnownHosts)
        /// `fence ssh root@PEER_LAN_ADDRESS …command=…/stop-PEER`: the peer stops itself (its agent and PostgreSQL
        /// killed, the service address removed).
        case sshToPeer
        /// `fence command PROGRAM`: a local program, given the peer's name last.
        case command(LabFencing.Program)
    }

    /// `ping ADDRESS` lines, in order.
    public var pingTargets: [String]
    /// The `fence` line, if any.
    public var fence: Fence?
    /// `fence_timeout`, when not the default.
    public var fenceTimeout: Duration?
    /// `fence_delay`, when not the default.
    public var fenceDelay: Duration?

    public init(
        pingTargets: [String] = [], fence: Fence? = nil, fenceTimeout: Duration? = nil, fenceDelay: Duration? = nil
    ) {
        self.pingTargets = pingTargets
        self.fence = fence
        self.fenceTimeout = fenceTimeout
        self.fenceDelay = fenceDelay
    }

    /// `node`'s ha.cf lines for these guards.
    public func haCFLines(for node: LabNode, topology: LabTopology, paths: LabPaths) -> [String] {
        var lines = pingTargets.map { "ping \($0)" }
        if let fence {
            lines.append(Self.fenceLine(fence, for: node, topology: topology, fencing: paths.fencing))
        }
        if let fenceTimeout { lines.append("fence_timeout \(fenceTimeout.wholeMilliseconds)ms") }
        if let fenceDelay { lines.append("fence_delay \(fenceDelay.wholeMilliseconds)ms") }
        return lines
    }

    /// The `fence` line with which `node` fences its peer.
    static func fenceLine(_ fence: Fence, for node: LabNode, topology: LabTopology, fencing: LabFencing) -> String {
        let peer = node.peer
        switch fence {
        case .sshToFenceHost(let knownHosts):
            return "fence ssh root@\(topology.fenceHostAddress.address) key=\(fencing.userKey) "
                + "known_hosts=\(fencing.knownHostsFile(knownHosts)) "
                + "command=\(fencing.path(.nodeDeath)) \(peer.name)"
        case .sshToPeer:
            return "fence ssh root@\(topology.lanAddress(peer).address) key=\(fencing.userKey) "
                + "known_hosts=\(fencing.knownHostsFile(.complete)) command=\(fencing.stopProgram(of: peer))"
        case .command(let program):
            return "fence command \(fencing.path(program))"
        }
    }
}
