extension Lab {
    /// Cuts `link` in the middle: both ends stay up, and whatever either end sends is dropped on its way out (a
    /// `blackhole` queueing discipline, which takes every packet and drops it). Unlike `cut(_:)`, which sets the
    /// interfaces down, the nodes' sends still succeed: each node's own media work, only nothing arrives, as with
    /// a failed switch between them.
    public func dropTraffic(on link: LabLink) async throws {
        try requireLive()
        logger.info("lab: dropping all traffic on the \(link)")
        for end in topology.ends(of: link) {
            try await tc(in: end.namespace, ["qdisc", "add", "dev", end.interface, "root", "blackhole"])
        }
    }

    /// Lets traffic through `link` again (the queueing disciplines `dropTraffic(on:)` added removed).
    public func passTraffic(on link: LabLink) async throws {
        try requireLive()
        logger.info("lab: passing traffic on the \(link) again")
        for end in topology.ends(of: link) {
            try await tc(in: end.namespace, ["qdisc", "del", "dev", end.interface, "root"])
        }
    }

    /// Makes `address` unreachable from `node` (an `unreachable` route for it alone): sending to it fails at once,
    /// while the rest of the node's LAN works as before.
    public func makeUnreachable(_ address: String, from node: LabNode) async throws {
        try requireLive()
        logger.info("lab: \(address) unreachable from \(node)")
        try await ip(in: .node(node), ["route", "add", "unreachable", "\(address)/32"])
    }

    /// Removes the route `makeUnreachable(_:from:)` added.
    public func makeReachable(_ address: String, from node: LabNode) async throws {
        try requireLive()
        logger.info("lab: \(address) reachable from \(node) again")
        try await ip(in: .node(node), ["route", "del", "unreachable", "\(address)/32"])
    }

    /// `tc ARGUMENTS` run in `namespace` (through `ip netns exec`: tc has no namespace option of its own).
    private func tc(in namespace: LabNamespace, _ arguments: [String]) async throws {
        _ = try await run(in: namespace, ["tc"] + arguments, timeout: .seconds(10)).checked()
    }
}
