import Foundation
import PairCore

extension FailoverBenchmark {
    /// One unplanned failover: `active` dies at a random point of the heartbeat cycle; returns what the client saw.
    /// The dead node's cluster is then recovered and stopped cleanly by a bare start and stop, so that it is a cleanly
    /// stopped copy when it takes over in the next round, as the setup's cold copy was (with no sync yet, it would
    /// otherwise start on a directory its killed server left); then the node is rebooted and settles as the standby.
    func unplannedRound(lab: Lab, active: LabNode, report: (String) -> Void) async throws -> ServiceOutage {
        let outage = try await measureMove(lab: lab, from: active) {
            try await lab.failNode(active)
        }
        await lab.waitForStalePostmaster(on: active)
        let recovery = try await lab.timeBarePostgresStarts(on: active, runs: 1)
        report("  crash recovery of \(active.name)'s cluster: \(recovery.map { "\($0.wholeMilliseconds) ms" })")
        try await lab.reboot(active)
        // A standby inside its startup window would take over late; let initdead pass before the next fault.
        try await Task.sleep(for: timings.initdead)
        try await settle(lab: lab, active: active.peer)
        return outage
    }

    /// One planned switchover: `pgpair takeover` on `active`'s peer, at a random point of the heartbeat cycle. Always
    /// `takeover` on the node that is to run the service, so that the rounds in both directions do the same work, and
    /// so that neither node is left in the state `pgpair standby` puts it in (handing groups to its peer whenever it
    /// can), which a `standby` in the other direction would need `takeover` to clear.
    func plannedRound(lab: Lab, active: LabNode) async throws -> ServiceOutage {
        let target = active.peer
        let outage = try await measureMove(lab: lab, from: active) {
            let output = try await lab.pgpairCommand(
                ["takeover", "--timeout", "\(limit.components.seconds)"], on: target)
            guard output.succeeded else {
                throw LabError(
                    .commandFailed,
                    "`pgpair takeover` on \(target) exited \(output.exitCode): \(output.standardError.suffix(1_000))")
            }
        }
        try await settle(lab: lab, active: target)
        return outage
    }

    /// Watches the service address from the client, waits until `old` answers, waits a random 0…keepalive, runs
    /// `move`, and returns the outage once `old`'s peer answers.
    private func measureMove(lab: Lab, from old: LabNode, _ move: () async throws -> Void) async throws
        -> ServiceOutage
    {
        let watch = try await lab.startServiceWatch()
        do {
            try await watch.waitForAnswer(from: old, after: Date(), within: limit)
            try await Task.sleep(for: timings.keepalive * Double.random(in: 0..<1))
            let fault = Date()
            try await move()
            try await watch.waitForAnswer(from: old.peer, after: fault, within: limit)
            await watch.stop()
            guard
                let outage = ServiceOutage.measure(
                    reports: watch.reports(), fault: fault, from: old.name, to: old.peer.name)
            else { throw LabError(.invalidState, "the watch saw \(old.peer.name) answer, then lost the answer") }
            return outage
        } catch {
            await watch.stop()
            throw error
        }
    }

    /// Waits until both agents see each other up on every link, `active` is active and its peer a standby.
    func settle(lab: Lab, active: LabNode) async throws {
        try await lab.waitForSettledPair(active: active, within: limit)
    }
}
