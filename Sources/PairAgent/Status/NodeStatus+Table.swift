extension NodeStatus {
    /// The compact human view `pgpair status` prints.
    public func table() -> String {
        var lines: [String] = []
        var nodeLine =
            "node \(node): \(role.rawValue), epoch \(epoch), generation \(generation), "
            + "protocol \(protocolVersion)"
        if let blockedReason {
            nodeLine += "\n  blocked: \(blockedReason)"
            nodeLine += blockNeedsOperator ? " (needs an operator)" : " (clears by itself)"
        }
        lines.append(nodeLine)
        lines += groupLines()
        var peerLine = "peer \(peer.node): \(peer.state.rawValue)"
        if let role = peer.role { peerLine += ", \(role.rawValue)" }
        if let epoch = peer.epoch { peerLine += ", epoch \(epoch)" }
        lines.append(peerLine)
        let width = peer.links.map(\.medium.count).max() ?? 0
        for link in peer.links {
            let padding = String(repeating: " ", count: width - link.medium.count)
            let heard = link.lastHeardMilliseconds.map { "last heard \($0) ms ago" } ?? "never heard"
            let state = link.state.rawValue + String(repeating: " ", count: max(0, 4 - link.state.rawValue.count))
            lines.append("  \(link.medium)\(padding)  \(state)  \(heard)")
        }
        let rejected = peer.rejected
        lines.append("rejected: auth \(rejected.auth), replay \(rejected.replay), malformed \(rejected.malformed)")
        if !ping.isEmpty {
            lines.append("ping: " + ping.map { "\($0.target) \($0.state.rawValue)" }.joined(separator: ", "))
        }
        if let sync { lines.append(sync.tableLine()) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per group, names and homes in aligned columns: `  pgsql  home castor  running on castor`.
    private func groupLines() -> [String] {
        guard !resources.isEmpty else { return [] }
        let nameWidth = resources.map(\.group.count).max() ?? 0
        let homeWidth = resources.map(\.home.count).max() ?? 0
        return ["groups:"]
            + resources.map { group in
                let name = group.group + String(repeating: " ", count: nameWidth - group.group.count)
                let home = group.home + String(repeating: " ", count: homeWidth - group.home.count)
                let owner = group.owner.map { " on \($0)" } ?? ""
                return "  \(name)  home \(home)  \(group.state.rawValue)\(owner)"
            }
    }
}
