import Foundation

extension FailoverBenchmark {
    /// One unplanned failover: `active` dies at a random point of the heartbeat cycle; returns what the client saw.
    /// The dead node is rebooted and settles as the standby.
    func unplannedRound(lab: Lab, active: LabNode) async throws -> ServiceOutage {
        let outage = try await measureMove(lab: lab, from: active) {
            try await lab.failNode(active)
        }
        try await lab.reboot(active)
        // A standby inside its startup window would take over late; let initdead pass before the next fault.
        try await Task.sleep(for: timings.initdead)
        try await settle(lab: lab, active: active.peer)
        return outage
    }

    /// One planned switchover: `pgpair standby` on `active`, at a random point of the heartbeat cycle.
    func plannedRound(lab: Lab, active: LabNode) async throws -> ServiceOutage {
        let outage = try await measureMove(lab: lab, from: active) {
            let output = try await lab.pgpairCommand(
                ["standby", "--timeout", "\(limit.components.seconds)"], on: active)
            guard output.succeeded else {
                throw LabError(
                    .commandFailed,
                    "`pgpair standby` on \(active) exited \(output.exitCode): \(output.standardError.suffix(1_000))")
            }
        }
        try await settle(lab: lab, active: active.peer)
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
        for node in LabNode.allCases {
            try await lab.waitFor("the peer up on every link", on: node, within: limit) { $0.peerUpOnEveryLink }
        }
        try await lab.waitFor("\(active.name) active", on: active, within: limit) { $0.role == "active" }
        try await lab.waitFor("\(active.peer.name) a standby", on: active.peer, within: limit) {
            $0.role == "standby" && $0.peer.role == "active"
        }
    }
}
