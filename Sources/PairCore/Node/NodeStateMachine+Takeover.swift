extension NodeStateMachine {
    /// The peer has been silent on every link for warntime or more (`silentFor`, as the detector noticed it at
    /// `now`). The guards that take time start now, so their answers are ready at the verdict; answers from before
    /// the silence began never count.
    public mutating func peerFellSilent(silentFor: Duration, at now: Instant) -> [NodeAction] {
        announcing { machine in
            guard machine.peer.liveness == .up else { return [] }
            let since = now.advanced(by: .zero - silentFor)
            machine.peer.silentSince = since
            switch machine.state {
            case .operating:
                break
            case .blocked(let block) where !block.needsOperator:
                break
            default:
                return []
            }
            let groups = machine.records.filter { $0.local == .stopped }.map(\.name)
            guard !groups.isEmpty else { return [] }
            return machine.beginRound(.peerFailure, since: since, verdict: false, groups: groups, at: now)
        }
    }

    /// The failure detector declared the peer dead at `now`, after `silentFor` of silence (since the start, for a
    /// peer never heard by initdead). This node takes every group it does not hold once the guards pass — unless a
    /// cold start or a block forbids it.
    public mutating func peerDeclaredDead(silentFor: Duration, at now: Instant) -> [NodeAction] {
        announcing { machine in
            switch machine.state {
            case .created, .shutDown: return []
            default: break
            }
            if machine.peer.liveness == .up, machine.peer.silentSince == nil {
                machine.peer.silentSince = now.advanced(by: .zero - silentFor)
            }
            machine.peer.liveness = .dead
            // The peer that took a group which failed here is gone: trying here again is all that is left.
            for index in machine.records.indices {
                machine.records[index].failedHere = false
            }
            switch machine.state {
            case .waitingForInitdead, .maintenance(.waitingForInitdead):
                return machine.initdeadPassed(at: now) ? machine.startupWindowEnded(at: now) : []
            default:
                return machine.reconcile(at: now)
            }
        }
    }

    /// With the peer dead: every group not held here is taken once the guards pass. The guards round that began
    /// when the peer fell silent gets its verdict; otherwise one starts now. A cold start blocks instead.
    mutating func takeOverFromDeadPeer(at now: Instant) -> [NodeAction] {
        let groups = records.filter { $0.local == .stopped }.map(\.name)
        guard !groups.isEmpty else { return cancelRound() }
        if let block = coldStartBlock(taking: groups) {
            let actions = cancelRound()
            enterBlock(block)
            return actions
        }
        guard var round, round.purpose == .peerFailure else {
            let since = peer.silentSince ?? startedAt ?? now
            return beginRound(.peerFailure, since: since, verdict: true, groups: groups, at: now)
        }
        round.verdict = true
        round.groups = groups
        self.round = round
        let addressGuards = settings.fencingConfigured ? [] : startAddressGuards()
        return addressGuards + evaluateRound(at: now)
    }

    /// The cold-start block, when the groups to take include `pgsql`.
    func coldStartBlock(taking groups: [String]) -> NodeBlock? {
        guard records.contains(where: { $0.group.holdsPostgres && groups.contains($0.name) }) else { return nil }
        return coldStartBlock()
    }

    /// With a live peer: the idle groups this node should take, through ping and the duplicate-address check.
    mutating func claim(_ groups: [String], at now: Instant) -> [NodeAction] {
        guard var round else {
            return groups.isEmpty ? [] : beginRound(.claim, since: now, verdict: true, groups: groups, at: now)
        }
        // A round on the peer's silence already covers every group not held here.
        guard round.purpose == .claim else { return [] }
        guard !groups.isEmpty else { return cancelRound() }
        round.groups = groups
        self.round = round
        return startAddressGuards() + evaluateRound(at: now)
    }

    /// Starts a guards round (ending any other): ping at once when configured; the duplicate-address check at once
    /// unless fencing must come first.
    mutating func beginRound(
        _ purpose: GuardRound.Purpose, since: Instant, verdict: Bool, groups: [String], at now: Instant
    ) -> [NodeAction] {
        var actions = cancelRound()
        var round = GuardRound(purpose: purpose, since: since, verdict: verdict, groups: groups)
        if settings.pingConfigured {
            round.running.append(.ping)
            actions.append(.startGuard(.ping))
        }
        self.round = round
        if !(purpose == .peerFailure && settings.fencingConfigured) {
            actions += startAddressGuards()
        }
        return actions + evaluateRound(at: now)
    }

    /// Starts the duplicate-address check for every service address of the round's groups not probed yet.
    mutating func startAddressGuards() -> [NodeAction] {
        guard var round else { return [] }
        var actions: [NodeAction] = []
        for address in serviceAddresses(of: round.groups) where !round.running.contains(.duplicateAddress(address)) {
            round.running.append(.duplicateAddress(address))
            actions.append(.startGuard(.duplicateAddress(address)))
        }
        self.round = round
        return actions
    }

    /// Ends the guards round: its guards stop, its timers are dropped, a block from its guards lifts.
    mutating func cancelRound() -> [NodeAction] {
        guard let round else { return [] }
        self.round = nil
        timers[.fenceDelay] = nil
        timers[.fenceRetry] = nil
        liftPassingBlock()
        return round.running.map { .stopGuard($0) }
    }

    /// The service addresses of the named groups, in group order, each once.
    func serviceAddresses(of groups: [String]) -> [IPv4Address] {
        var addresses: [IPv4Address] = []
        for record in records where groups.contains(record.name) {
            for address in record.group.serviceAddresses where !addresses.contains(address) {
                addresses.append(address)
            }
        }
        return addresses
    }

    /// Starts the named groups that are stopped here, in haresources order. Taking `pgsql` raises the epoch above
    /// every epoch known, stores it and writes the unclean-stop marker before the start. `peerReleased` when the
    /// peer handed the groups over by handshake (see ``NodeAction/startGroup(_:peerReleased:)``).
    mutating func startTakeover(of groups: [String], peerReleased: Bool = false) -> [NodeAction] {
        var actions: [NodeAction] = []
        for index in records.indices where groups.contains(records[index].name) && records[index].local == .stopped {
            if records[index].group.holdsPostgres {
                epoch = max(epoch, peer.highestEpoch) + 1
                marker = .uncleanStop(epoch: epoch)
                actions += [.persistEpoch(epoch), .writeMarker(.uncleanStop(epoch: epoch))]
            }
            records[index].local = .starting(.takeover)
            records[index].ranSinceTakeover = false
            records[index].release = nil
            records[index].requested = false
            actions.append(.startGroup(records[index].name, peerReleased: peerReleased))
        }
        return actions
    }
}
