extension NodeStateMachine {
    /// What the guards say so far.
    enum GuardVerdict: Equatable {
        /// An answer is still missing.
        case pending
        /// A guard failed: the node is blocked until it passes (or the peer is heard again).
        case failed(NodeBlock)
        /// Every guard passed.
        case passed
    }

    /// A guard answered; `instant` is when its evidence was gathered (see `GuardAnswer`). An answer from before the
    /// peer fell silent (before the fence, for the duplicate-address check after fencing), or for a guard not
    /// running, is ignored.
    public mutating func guardAnswered(_ answer: GuardAnswer, at instant: Instant) -> [NodeAction] {
        announcing { machine in
            guard var round = machine.round else { return [] }
            var actions: [NodeAction] = []
            switch answer {
            case .ping(let reachable):
                guard round.running.contains(.ping), instant >= round.since else { return [] }
                round.reachable = reachable
            case .fence(let succeeded):
                guard round.fence == .fencing else { return [] }
                round.running.removeAll { $0 == .fence }
                if succeeded && instant >= round.since {
                    round.fence = .confirmed
                    // The peer's kernel answered ARP until the fence took it down; only later answers count.
                    round.addressesSince = instant
                    round.addressAnswers = [:]
                } else {
                    round.fenceFailures += 1
                    round.fence = .failed
                    let delay = machine.fenceRetryDelay(afterFailures: round.fenceFailures)
                    actions.append(machine.schedule(.fenceRetry, after: delay, at: instant))
                }
            case .duplicateAddress(let address, let answered):
                guard round.running.contains(.duplicateAddress(address)), instant >= round.addressesSince else {
                    return []
                }
                round.addressAnswers[address] = answered
            }
            machine.round = round
            if round.fence == .confirmed {
                actions += machine.startAddressGuards()
            }
            return actions + machine.evaluateRound(at: instant)
        }
    }

    /// Acts on the guards once the verdict is in: blocks on a failed guard (a block that clears itself), fences
    /// when it is fencing's turn, or takes the round's groups when every guard passed.
    mutating func evaluateRound(at now: Instant) -> [NodeAction] {
        guard let round, round.verdict else { return [] }
        switch guardVerdict(round) {
        case .pending:
            if round.fenceFailures == 0 {
                liftPassingBlock()
            }
            return fenceIfDue(at: now)
        case .failed(let block):
            enterBlock(block)
            return []
        case .passed:
            return finishRound()
        }
    }

    /// The guards in their order: a ping target answers (when configured); the peer is fenced (when configured,
    /// after the peer's death); no other host answers ARP for a service address of the groups.
    func guardVerdict(_ round: GuardRound) -> GuardVerdict {
        guard mediaUsable else { return .failed(.noMedium) }
        if settings.pingConfigured {
            guard let reachable = round.reachable else { return .pending }
            guard reachable else { return .failed(.noPingTarget) }
        }
        if round.purpose == .peerFailure && settings.fencingConfigured {
            switch round.fence {
            case .confirmed: break
            case .failed: return .failed(.fenceFailed(attempts: round.fenceFailures))
            case .notStarted, .delaying, .fencing: return .pending
            }
        }
        for address in serviceAddresses(of: round.groups) {
            guard let answered = round.addressAnswers[address] else { return .pending }
            if answered { return .failed(.addressInUse(address)) }
        }
        return .passed
    }

    /// Starts fencing once ping has passed: at once, unless both nodes may be taking over from each other (see
    /// `waitsFenceDelay`), when the one that does not hold the `pgsql` group waits `fence_delay` first, so that the
    /// two cannot fence each other.
    mutating func fenceIfDue(at now: Instant) -> [NodeAction] {
        guard var round, round.purpose == .peerFailure, settings.fencingConfigured, round.fence == .notStarted
        else { return [] }
        if settings.pingConfigured && round.reachable != true { return [] }
        if !waitsFenceDelay() {
            round.fence = .fencing
            round.running.append(.fence)
            self.round = round
            return [.startGuard(.fence)]
        }
        round.fence = .delaying
        self.round = round
        return [
            schedule(.fenceDelay, after: settings.fenceDelay, at: now), .report(.fenceDelayed(settings.fenceDelay)),
        ]
    }

    /// True when this node must wait `fence_delay` before fencing: the peer, as last heard, did not hold every
    /// group either, so it is taking over from this node at the same moment (a partition, not a death), and this
    /// node does not hold `pgsql` — the holder fences first. When neither holds `pgsql`, the group's home node goes
    /// first. A peer that held every group (the usual active) takes nothing over: no delay.
    func waitsFenceDelay() -> Bool {
        guard !holdsRoleGroup else { return false }
        let peerHeld = peer.latest?.heldGroups ?? []
        guard records.contains(where: { !peerHeld.contains($0.name) }) else { return false }
        if let roleIndex = roleGroupIndex, !peerHeld.contains(records[roleIndex].name) {
            return records[roleIndex].group.homeNode != settings.localNode
        }
        return true
    }

    /// `fence_delay` passed, or it is time to try a failed fence again. Fencing waits while no ping target answers
    /// (this node may be the one cut off): a delay starts over once one does, a retry is put off.
    mutating func fenceTimerFired(_ timer: NodeTimer, at now: Instant) -> [NodeAction] {
        guard var round else { return [] }
        let pingFails = settings.pingConfigured && round.reachable != true
        switch (timer, round.fence) {
        case (.fenceDelay, .delaying) where pingFails:
            round.fence = .notStarted
            self.round = round
            return []
        case (.fenceRetry, .failed) where pingFails:
            return [schedule(.fenceRetry, after: fenceRetryDelay(afterFailures: round.fenceFailures), at: now)]
        case (.fenceDelay, .delaying), (.fenceRetry, .failed):
            round.fence = .fencing
            round.running.append(.fence)
            self.round = round
            return [.startGuard(.fence)]
        default:
            return []
        }
    }

    /// The wait before the next fence attempt: doubling from `fenceRetryDelay`, at most `fenceRetryLimit`.
    func fenceRetryDelay(afterFailures failures: Int) -> Duration {
        var delay = settings.fenceRetryDelay
        for _ in 1..<max(1, failures) where delay < settings.fenceRetryLimit {
            delay *= 2
        }
        return min(delay, settings.fenceRetryLimit)
    }

    /// Every guard passed: the guards stop, a block from them lifts, and the round's groups that are still free
    /// are started.
    mutating func finishRound() -> [NodeAction] {
        guard let round else { return [] }
        var actions = cancelRound()
        if round.purpose == .peerFailure {
            operatorStandby = false
        }
        let free = round.groups.filter { name in
            index(of: name).map { records[$0].local == .stopped } == true && !peer.holds(name)
        }
        actions += startTakeover(of: free)
        return actions
    }
}
