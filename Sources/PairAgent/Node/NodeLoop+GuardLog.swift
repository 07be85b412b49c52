import PairCore

extension NodeLoop {
    /// Logs a running guard's answer when it differs from the last one logged for that guard (the duplicate-address
    /// check probes back to back while the peer is silent, so every answer would flood the log): one line per guard
    /// as its first answer arrives, and one more whenever the answer turns. The machine decides what the answer
    /// means; the line only says what the guard saw, and when.
    func logGuardAnswer(_ answer: GuardAnswer) {
        let nodeGuard = answer.nodeGuard
        guard guardSignals[nodeGuard] != nil, loggedGuardAnswers[nodeGuard] != answer else { return }
        loggedGuardAnswers[nodeGuard] = answer
        switch answer {
        case .ping(let reachable):
            logger.notice(
                "guard answered: ping \(reachable ? "reaches a target" : "reaches no target")",
                metadata: ["guard": "ping", "guard.passed": "\(reachable)"])
        case .fence(let succeeded):
            logger.notice(
                "guard answered: fence \(succeeded ? "confirmed" : "not confirmed")",
                metadata: ["guard": "fence", "guard.passed": "\(succeeded)"])
        case .duplicateAddress(let address, let answered):
            let seen = answered ? "another host answers for it" : "no other host answers"
            logger.notice(
                "guard answered: duplicate-address check for \(address): \(seen)",
                metadata: ["guard": "duplicate-address", "guard.passed": "\(!answered)"])
        }
    }
}

extension GuardAnswer {
    /// The guard this answer comes from.
    var nodeGuard: NodeGuard {
        switch self {
        case .ping: return .ping
        case .fence: return .fence
        case .duplicateAddress(let address, _): return .duplicateAddress(address)
        }
    }
}
