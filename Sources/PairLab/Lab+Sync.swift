import Foundation

extension Lab {
    /// Starts the rsync daemon of each of `nodes` that does not run one yet, when `configuration` syncs
    /// (`LabServiceSettings.sync`); does nothing otherwise. Each listens on its node's primary-link address, where the
    /// peer's `rsync_target` points. Node death kills a node's daemon with its other processes; call this again after
    /// a reboot.
    public func startSyncDaemons(
        for configuration: AgentLabConfiguration, on nodes: [LabNode] = LabNode.allCases
    ) async throws {
        guard configuration.service.sync != nil else { return }
        for node in nodes where !runningProcesses(of: node).contains(where: { $0.name == "\(node.name).rsyncd" }) {
            try await startRsyncDaemon(on: node)
        }
    }

    /// Runs `pgpair check-config` on each of `nodes` with the files the lab wrote, and throws with its output when it
    /// does not accept them (exit status other than 0; warnings are allowed, as for an operator).
    public func checkAgentConfiguration(on nodes: [LabNode] = LabNode.allCases) async throws {
        for node in nodes {
            let output = try await pgpairCommand(["check-config"], on: node, timeout: .seconds(60))
            guard output.succeeded else {
                throw LabError(
                    .commandFailed,
                    "`pgpair check-config` on \(node) exited \(output.exitCode): "
                        + "\(output.standardOutput.suffix(2_000))\(output.standardError.suffix(2_000))")
            }
        }
    }

    /// Runs one sync round on `node` as cron would (`pgpair sync`), and throws unless it completed (exit status 0
    /// with no `skipped` note): a round that is skipped, finds the lock held or fails is an error here.
    @discardableResult
    public func runSyncRound(on node: LabNode, timeout: Duration = .seconds(300)) async throws -> CommandOutput {
        let output = try await pgpairCommand(["sync"], on: node, timeout: timeout)
        guard output.succeeded, !output.standardOutput.contains("skipped") else {
            throw LabError(
                .commandFailed,
                "`pgpair sync` on \(node) did not complete a round (exit \(output.exitCode)): "
                    + "\(output.standardOutput.suffix(1_000))\(output.standardError.suffix(2_000))")
        }
        return output
    }
}
