import Logging
import PairCore
import PairNet

/// The ping guard: while it runs, a round every `interval` (ha.cf `keepalive`) that pings every address of every
/// `ping` and `ping_group` target at once, and reports whether at least one target answered — a `ping_group`
/// answers when any of its members does — stamped with the instant the round began. So the answer at the verdict
/// is at most one keepalive old, and one from before the peer fell silent never counts.
struct PingGuard: Sendable {
    /// The longest a round waits for replies: a reply slower than this on a LAN means the target is in trouble.
    static let longestRoundTimeout = Duration.seconds(1)

    let targets: [PingTarget]
    let interval: Duration
    let probe: any PingGuardProbe
    let logger: Logger

    /// How long a round waits for replies: `interval`, at most `longestRoundTimeout`, so rounds never overlap.
    var roundTimeout: Duration { min(interval, Self.longestRoundTimeout) }

    /// Every address once, in the order the targets list them.
    var addresses: [IPv4Address] {
        var seen = Set<IPv4Address>()
        return targets.flatMap(\.addresses).filter { seen.insert($0).inserted }
    }

    /// Runs rounds until the task is cancelled. A round that cannot run at all (no raw socket) reports nothing —
    /// nothing is known, and the takeover waits — and is logged once per distinct error.
    func run(report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void) async {
        await runRounds { observation in report(.ping(reachable: observation.reachable), observation.began) }
    }

    /// Runs rounds until the task is cancelled, reporting each whole round: every target's state and whether this
    /// node reaches any.
    func runRounds(_ report: @escaping @Sendable (PingObservation) -> Void) async {
        let addresses = self.addresses
        guard !addresses.isEmpty else {
            logger.error("ping guard started without ping targets; takeover waits")
            return
        }
        var states: [String: Bool] = [:]
        var lastError: String?
        while !Task.isCancelled {
            let began = ContinuousClock.now
            do {
                let round = try await probe.ping(addresses, timeout: roundTimeout)
                let reachable = round.reachesAny(of: targets)
                report(
                    PingObservation(
                        reachable: reachable, targets: targets.map { ($0.name, round.isUp($0)) }, began: round.began))
                logChanges(round, states: &states, reachable: reachable)
                lastError = nil
            } catch is CancellationError {
                return
            } catch {
                let text = "\(error)"
                if text != lastError {
                    logger.error("ping targets cannot be probed; takeover waits", metadata: ["ping.error": "\(text)"])
                    lastError = text
                }
            }
            do {
                try await Task.sleep(until: began + interval)
            } catch {
                return
            }
        }
    }

    /// Logs each target's state when it is first known and whenever it changes, and the loss of every target.
    private func logChanges(_ round: PingRound, states: inout [String: Bool], reachable: Bool) {
        let wasReachable = states.isEmpty ? nil : states.values.contains(true)
        for target in targets {
            let up = round.isUp(target)
            guard states[target.name] != up else { continue }
            let first = states[target.name] == nil
            states[target.name] = up
            var metadata: Logger.Metadata = ["ping.target": "\(target.name)"]
            if !up, let reason = target.addresses.compactMap({ round.unsent[$0] }).first {
                metadata["ping.error"] = "\(reason)"
            }
            switch (up, first) {
            case (true, true): logger.info("ping target answers", metadata: metadata)
            case (true, false): logger.notice("ping target answers again", metadata: metadata)
            case (false, _): logger.warning("ping target does not answer", metadata: metadata)
            }
        }
        if !reachable && wasReachable != false {
            logger.warning("no ping target answers: this node may be the one cut off, and will not take over")
        }
    }
}
