extension Lab {
    /// Creates the namespaces, the bridge and the veth pairs, every interface created directly inside its
    /// lab namespace (`ip -n`), so this process's namespace never holds one, not even for a moment.
    func buildNetwork() async throws {
        for namespace in LabNamespace.all {
            try await ip(["netns", "add", namespaceName(namespace)])
            try await ip(in: namespace, ["link", "set", "lo", "up"])
        }
        try await ip(in: .lan, ["link", "add", topology.bridgeInterface, "type", "bridge"])
        try await ip(in: .lan, ["link", "set", topology.bridgeInterface, "up"])

        for (interface, address) in [
            (topology.primaryInterface, topology.primaryAddress),
            (topology.heartbeatInterface, topology.heartbeatAddress),
        ] {
            try await ip(
                in: .node(.a),
                [
                    "link", "add", interface, "type", "veth", "peer", "name", interface, "netns",
                    namespaceName(.node(.b)),
                ])
            for node in LabNode.allCases {
                try await ip(in: .node(node), ["addr", "add", address(node).cidr, "dev", interface])
                try await ip(in: .node(node), ["link", "set", interface, "up"])
            }
        }

        for (namespace, address) in [
            (LabNamespace.node(.a), topology.lanAddress(.a)),
            (.node(.b), topology.lanAddress(.b)),
            (.client, topology.clientAddress),
            (.fence, topology.fenceHostAddress),
        ] {
            let port = topology.bridgePort(for: namespace)
            try await ip(
                in: namespace,
                [
                    "link", "add", topology.lanInterface, "type", "veth", "peer", "name", port, "netns",
                    namespaceName(.lan),
                ])
            try await ip(in: .lan, ["link", "set", port, "master", topology.bridgeInterface])
            try await ip(in: .lan, ["link", "set", port, "up"])
            try await ip(in: namespace, ["addr", "add", address.cidr, "dev", topology.lanInterface])
            try await ip(in: namespace, ["link", "set", topology.lanInterface, "up"])
        }
    }

    /// Cuts a cable: sets both ends of the link down (`ip link set … down`).
    public func cut(_ link: LabLink) async throws {
        try requireLive()
        logger.info("lab: cutting the \(link)")
        for end in topology.ends(of: link) {
            try await ip(in: end.namespace, ["link", "set", end.interface, "down"])
        }
    }

    /// Mends a cut cable: sets both ends of the link up again.
    public func restore(_ link: LabLink) async throws {
        try requireLive()
        logger.info("lab: restoring the \(link)")
        for end in topology.ends(of: link) {
            try await ip(in: end.namespace, ["link", "set", end.interface, "up"])
        }
    }

    /// Every link of a node: primary, heartbeat and its LAN port.
    public nonisolated func links(of node: LabNode) -> [LabLink] {
        [.primary, .heartbeat, .lan(node)]
    }

    /// `ip ARGUMENTS` in this process's namespace; only for `ip netns` commands, which create nothing here.
    private func ip(_ arguments: [String]) async throws {
        try await CommandRunner.check(["ip"] + arguments)
    }

    /// `ip -n NAMESPACE ARGUMENTS`: ip switches namespace in its own process, never in ours.
    func ip(in namespace: LabNamespace, _ arguments: [String]) async throws {
        try await CommandRunner.check(["ip", "-n", namespaceName(namespace)] + arguments)
    }
}
