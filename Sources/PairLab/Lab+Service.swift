import Foundation

extension Lab {
    /// Prepares the service's data as issue 4's lab does: castor's cluster is initialised (initdb leaves it cleanly
    /// stopped) and pollux gets a cold copy of it — castor's data directory copied whole into pollux's pgdata, owner
    /// postgres and mode 0700 kept. PostgreSQL is not started: the agents start it. `cluster_name` is not in the
    /// copy; each node's agent sets it from `pg_options`.
    public func prepareServiceData() async throws {
        try await initializeCluster(on: .a)
        let source = paths.node(.a).pgdata
        let target = paths.node(.b).pgdata
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        guard leftovers.isEmpty else {
            throw LabError(.invalidState, "\(target) is not empty; the cold copy goes into an empty data directory")
        }
        logger.info("lab: cold copy of castor's data for pollux")
        _ = try await run(in: .node(.b), as: .postgres, ["cp", "-a", "\(source)/.", target], timeout: .seconds(180))
            .checked()
    }

    /// Puts the service address on `namespace`'s LAN interface (e.g. the client's: a third host holding it).
    public func addServiceAddress(in namespace: LabNamespace) async throws {
        try await ip(in: namespace, ["addr", "add", topology.serviceAddress.cidr, "dev", topology.lanInterface])
    }

    /// Removes the service address from `namespace`'s LAN interface.
    public func removeServiceAddress(from namespace: LabNamespace) async throws {
        try await ip(in: namespace, ["addr", "del", topology.serviceAddress.cidr, "dev", topology.lanInterface])
    }

    /// Removes every IPv4 address from `node`'s LAN interface except its own LAN address: what a reboot does to an
    /// address an agent had added (the service address).
    public func flushAddedAddresses(of node: LabNode) async throws {
        let own = topology.lanAddress(node)
        for address in try await readLANInterface(of: .node(node)).addresses where address != own.address {
            try await ip(
                in: .node(node), ["addr", "del", "\(address)/\(own.prefixLength)", "dev", topology.lanInterface])
        }
    }

    /// A reboot as DESIGN.md defines it: node death (every process of the node killed, all its links cut), its
    /// added addresses flushed, its links up again, and its agent started again with its state and data kept.
    /// Returns the new agent.
    @discardableResult
    public func reboot(_ node: LabNode) async throws -> LabProcess {
        logger.info("lab: rebooting \(node)")
        try await failNode(node)
        try await flushAddedAddresses(of: node)
        for link in links(of: node) {
            try await restore(link)
        }
        return try await startAgent(on: node)
    }

    /// Runs an operator command of `pgpair` on `node` (e.g. `["standby", "--timeout", "30"]`) in its namespace; its
    /// exit status is a result.
    public func pgpairCommand(_ arguments: [String], on node: LabNode, timeout: Duration = .seconds(120))
        async throws -> CommandOutput
    {
        try await run(in: .node(node), [executables.pgpair] + arguments + pgpairOptions(for: node), timeout: timeout)
    }
}
