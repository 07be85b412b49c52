import ArgumentParser
import PairAgent
import PairCore

/// Carries out `standby` or `takeover` and waits for its end: a view of the node, the request, then a new view
/// every `pollInterval` until `Switchover.verdict` says done (exit 0) or failed (exit 1), or `timeout` passes
/// (exit 75).
struct SwitchoverWait {
    /// How often the node's view is polled while waiting.
    static let pollInterval = Duration.milliseconds(50)

    let connection: AgentConnection
    let switchover: Switchover
    let timeout: Duration

    /// Sends `request` and waits as above; the deadline counts from the call.
    func run(_ request: OperatorRequest) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let before = try await connection.status()
        try await connection.command(request)
        while true {
            let latest = try await connection.status()
            switch switchover.verdict(before: before, latest: latest) {
            case .done:
                StandardStreams.out(doneMessage(before: before, latest: latest))
                return
            case .failed(let reason):
                StandardStreams.error("\(connection.commandName): failed: \(reason)\n")
                throw ExitCode.failure
            case .waiting:
                break
            }
            let now = clock.now
            guard now < deadline else {
                StandardStreams.error(
                    "\(connection.commandName): timed out after \(timeout.secondsText) s; the groups now: "
                        + groupSummary(latest) + "\n")
                throw ExitStatus.temporaryFailure
            }
            try await Task.sleep(for: min(Self.pollInterval, deadline - now))
        }
    }

    private func doneMessage(before: NodeStatus, latest: NodeStatus) -> String {
        switch switchover {
        case .handOver:
            let handed = before.resources.filter { $0.owner == before.node }.map(\.group)
            if handed.isEmpty { return "\(latest.node) held no groups; nothing to hand over\n" }
            return "\(latest.peer.node) holds \(handed.joined(separator: ", "))\n"
        case .takeOver:
            if latest.resources.isEmpty { return "\(latest.node): no groups to take\n" }
            return "\(latest.node) holds \(latest.resources.map(\.group).joined(separator: ", "))\n"
        }
    }

    /// `pgsql stopping on castor, 10.0.0.100 stopped`.
    private func groupSummary(_ status: NodeStatus) -> String {
        guard !status.resources.isEmpty else { return "none" }
        return status.resources.map { group in
            "\(group.group) \(group.state.rawValue)" + (group.owner.map { " on \($0)" } ?? "")
        }.joined(separator: ", ")
    }
}

extension Duration {
    /// Whole seconds without a fraction (`60`), otherwise as a decimal (`0.5`).
    fileprivate var secondsText: String {
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return seconds.rounded() == seconds ? "\(Int(seconds))" : "\(seconds)"
    }
}
