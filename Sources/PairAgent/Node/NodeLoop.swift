import Logging
import NIOPosix
import PairCore

/// The node's mutable state, owned by `NodeService.run()` and touched only there: the state machine, the group
/// operations queued and running, the guards running. `handle(_:)` feeds one input to the machine, carries out
/// the actions it returns and hands back the work to run beside the loop (operations, guards, timers).
final class NodeLoop {
    typealias Machine = NodeStateMachine<ContinuousClock.Instant>
    typealias Work = @Sendable () async -> Void

    private(set) var machine: Machine
    private(set) var finished = false
    let inbox: NodeInbox
    let runners: [String: GroupRunner]
    let guards: any GuardRunner
    let store: NodeStateStore
    let dataDirectories: [String: String]
    let logger: Logger
    let announce: (LocalAnnouncement, _ now: Bool) -> Void

    var nextOperationID = 0
    /// Per group, the operation running and its stop signal.
    var running: [String: (operation: GroupOperation, signal: StopSignal)] = [:]
    /// Per group, the operations waiting for the running one, in order.
    var queued: [String: [GroupOperation]] = [:]
    /// Starts that were cancelled: their result is not the machine's business (a stop follows them).
    var cancelledStarts: Set<Int> = []
    var guardSignals: [NodeGuard: StopSignal] = [:]
    /// The last answer logged for each running guard: an answer is logged when it differs (see `logGuardAnswer`).
    var loggedGuardAnswers: [NodeGuard: GuardAnswer] = [:]
    var announced: NodeAnnouncement?
    /// Replies to operator commands, sent once the view after their input is published.
    var pendingReplies: [() -> Void] = []
    /// The peer's newest generation stored in `state_dir` (the replay floor of the next start).
    var peerGenerationStored: UInt64 = 0
    /// The latest continuous ping round's targets, for `status`.
    var pingTargets: [(name: String, up: Bool)] = []
    var view: NodeView

    init(
        machine: Machine, inbox: NodeInbox, runners: [String: GroupRunner], guards: any GuardRunner,
        store: NodeStateStore, dataDirectories: [String: String], logger: Logger,
        announce: @escaping (LocalAnnouncement, _ now: Bool) -> Void
    ) {
        self.machine = machine
        self.inbox = inbox
        self.runners = runners
        self.guards = guards
        self.store = store
        self.dataDirectories = dataDirectories
        self.logger = logger
        self.announce = announce
        self.view = NodeView(machine)
    }

    /// Starts the machine, then takes the inbox's inputs one at a time until the machine's shutdown completes;
    /// the work they lead to runs as child tasks, cancelled at the end. `publish` gets the view after every input.
    /// Commands that arrive after the end are refused.
    func run(publish: (NodeView) -> Void) async {
        await withDiscardingTaskGroup { group in
            for work in await pingMonitor() + perform(machine.agentStarted(at: .now)) {
                group.addTask(operation: work)
            }
            self.publish()
            publish(view)
            for await input in inbox.inputs {
                for work in await handle(input) {
                    group.addTask(operation: work)
                }
                publish(view)
                for reply in pendingReplies {
                    reply()
                }
                pendingReplies = []
                if finished { break }
            }
            group.cancelAll()
        }
        inbox.close()
        for await input in inbox.inputs {
            if case .operatorRequest(_, let reply) = input {
                reply(.refused(OperatorRefusal.shuttingDown.description))
            }
        }
    }

    /// Feeds `input` to the machine and carries out its actions; returns the work to run beside the loop.
    func handle(_ input: NodeInput) async -> [Work] {
        let now = ContinuousClock.now
        var work: [Work] = []
        let actions: [NodeAction]
        switch input {
        case .heartbeat(.message(let message, let at)):
            await recordPeerGeneration(message.generation)
            actions = machine.peerHeartbeatReceived(message, at: at)
        case .heartbeat(.detector(.peerSilent(let silentFor), let at)):
            actions = machine.peerFellSilent(silentFor: silentFor, at: at)
        case .heartbeat(.detector(.peerDead(let silentFor), let at)):
            actions = machine.peerDeclaredDead(silentFor: silentFor, at: at)
        case .heartbeat(.detector):
            actions = []
        case .heartbeat(.media(let usable, let at)):
            actions = machine.mediaReported(usable: usable, at: at)
        case .operationFinished(let operation, let outcome, let at):
            actions = finished(operation, outcome, at: at)
            work += dequeue(operation.group)
        case .guardAnswered(let answer, let at):
            logGuardAnswer(answer)
            actions = machine.guardAnswered(answer, at: at)
        case .pingRound(let observation):
            pingTargets = observation.targets
            actions = pingRound(observation)
        case .timerFired:
            actions = machine.clockTicked(at: now)
        case .operatorRequest(let request, let reply):
            actions = machine.operatorRequested(request, at: now)
            // Answered once the view this command leads to is published (see `run`), so that the command's first
            // look at `status` already shows it.
            let answer = operatorReply(for: request, with: actions)
            pendingReplies.append { reply(answer) }
        case .background(let task):
            actions = []
            work.append(task)
        case .shutdown:
            logger.notice("agent stopping: stopping every group held")
            actions = machine.shutdownRequested(at: now)
        }
        work += await perform(actions)
        publish()
        return work
    }

    /// The machine's event for a finished operation; nothing for a cancelled start.
    private func finished(
        _ operation: GroupOperation, _ outcome: ResourceOutcome, at now: ContinuousClock.Instant
    ) -> [NodeAction] {
        if running[operation.group]?.operation.id == operation.id {
            running[operation.group] = nil
        }
        switch operation.kind {
        case .start, .restart:
            guard cancelledStarts.remove(operation.id) == nil else { return [] }
            return machine.groupStarted(operation.group, result: outcome, at: now)
        case .stop:
            return machine.groupStopped(operation.group, result: outcome, at: now)
        case .check:
            return machine.monitorReported(operation.group, result: outcome, at: now)
        }
    }

    /// Stores a newer peer generation (once per peer restart), so that after this node restarts the peer's older
    /// generations count as replays.
    private func recordPeerGeneration(_ generation: UInt64) async {
        guard generation > peerGenerationStored else { return }
        peerGenerationStored = generation
        let store = self.store
        do {
            try await NIOThreadPool.singleton.runIfActive { try store.persistPeerGeneration(generation) }
        } catch {
            logger.warning("cannot store the peer's generation", metadata: ["state.error": "\(error)"])
        }
    }

    /// The answer to the operator: refused with the machine's reason, or accepted.
    private func operatorReply(for request: OperatorRequest, with actions: [NodeAction]) -> OperatorReply {
        for case .refuse(let refusal) in actions {
            logger.notice(
                "operator command refused",
                metadata: ["operator.command": "\(request)", "operator.reason": "\(refusal.description)"])
            return .refused(refusal.description)
        }
        logger.notice("operator command accepted", metadata: ["operator.command": "\(request)"])
        return .accepted
    }

    /// Carries out `actions` in order; returns the work to run beside the loop.
    func perform(_ actions: [NodeAction]) async -> [Work] {
        var work: [Work] = []
        var storeFailure: String?
        for action in actions {
            switch action {
            case .startGroup(let group, let peerReleased):
                work += enqueue(group, .start, failure: storeFailure, peerReleased: peerReleased)
            case .restartGroup(let group):
                work += enqueue(group, .restart, failure: storeFailure)
            case .stopGroup(let group):
                work += stop(group)
            case .checkGroup(let group):
                work += enqueue(group, .check, failure: nil)
            case .announceNow:
                announceIfChanged(now: true)
            case .startGuard(let nodeGuard):
                work += startGuard(nodeGuard)
            case .stopGuard(let nodeGuard):
                guardSignals.removeValue(forKey: nodeGuard)?.fire()
                loggedGuardAnswers[nodeGuard] = nil
            case .scheduleTimer(_, let delay):
                work.append(timer(after: delay))
            case .persistEpoch(let epoch):
                guard storeFailure == nil else { continue }
                storeFailure = await store("the data epoch \(epoch)") { try $0.persistEpoch(epoch) }
            case .writeMarker(let marker):
                guard storeFailure == nil else { continue }
                storeFailure = await store("the marker \(marker)") { try $0.writeMarker(marker) }
            case .clearMarker:
                guard storeFailure == nil else { continue }
                storeFailure = await store("the marker's removal") { try $0.clearMarker() }
            case .setDataDirectoryAside(let group):
                await setAside(group)
            case .report(let report):
                log(report)
            case .refuse:
                break
            case .shutdownComplete:
                finished = true
            }
        }
        return work
    }

    /// Stores through `store`; on failure logs and returns the reason the starts that follow fail with. The write
    /// (with its fsync) runs on NIO's blocking pool, not on the cooperative pool; the loop waits for it, since the
    /// starts that follow must not run before it is durable.
    private func store(_ what: String, _ write: @escaping @Sendable (NodeStateStore) throws -> Void) async -> String? {
        let store = self.store
        do {
            try await NIOThreadPool.singleton.runIfActive { try write(store) }
            return nil
        } catch {
            logger.critical(
                "cannot store state; the takeover fails",
                metadata: ["state.item": "\(what)", "state.error": "\(error)"])
            return "cannot store \(what) in state_dir: \(error)"
        }
    }

    /// The continuous ping's round: the machine's own record (ipfail), and the `ping` guard's answer while it runs.
    private func pingRound(_ observation: PingObservation) -> [NodeAction] {
        var actions = machine.pingReported(reachable: observation.reachable, at: observation.began)
        if guardSignals[.ping] != nil {
            logGuardAnswer(.ping(reachable: observation.reachable))
            actions += machine.guardAnswered(.ping(reachable: observation.reachable), at: observation.began)
        }
        return actions
    }

    /// The continuous ping, when ping targets are configured: work to run from the start.
    func pingMonitor() -> [Work] {
        guard guards.monitorsPing else { return [] }
        let guards = self.guards
        let inbox = self.inbox
        return [{ await guards.monitorPing { inbox.post(.pingRound($0)) } }]
    }

    private func startGuard(_ nodeGuard: NodeGuard) -> [Work] {
        guard guardSignals[nodeGuard] == nil else { return [] }
        let signal = StopSignal()
        guardSignals[nodeGuard] = signal
        // The continuous ping answers the ping guard (see `pingRound`).
        if nodeGuard == .ping && guards.monitorsPing { return [] }
        let guards = self.guards
        let inbox = self.inbox
        return [
            {
                _ = await signal.run {
                    await guards.run(nodeGuard) { answer, at in
                        inbox.post(.guardAnswered(answer, at: at))
                    }
                }
            }
        ]
    }

    private func timer(after delay: Duration) -> Work {
        let inbox = self.inbox
        return {
            do {
                try await Task.sleep(for: delay)
                inbox.post(.timerFired)
            } catch {
                return
            }
        }
    }

    /// Moves the group's data directory aside under a dated name, never deleting it (on NIO's blocking pool).
    private func setAside(_ group: String) async {
        guard let directory = dataDirectories[group] else { return }
        do {
            let aside = try await NIOThreadPool.singleton.runIfActive { try DataDirectoryAside.move(directory) }
            logger.critical(
                "data directory set aside: both nodes held the group and the peer's takeover is newer",
                metadata: ["resource.group": "\(group)", "pgdata": "\(directory)", "pgdata.aside": "\(aside)"])
        } catch {
            logger.critical(
                "cannot set the data directory aside; do not start PostgreSQL on it",
                metadata: ["resource.group": "\(group)", "pgdata": "\(directory)", "pgdata.error": "\(error)"])
        }
    }

    private func log(_ report: NodeReport) {
        switch report {
        case .yieldedToPeer(let group):
            logger.notice("group handed to the peer", metadata: ["resource.group": "\(group)"])
        case .bothHeld(let group):
            logger.critical("both nodes hold the group (a healed partition)", metadata: ["resource.group": "\(group)"])
        case .forcedTakeover(let block):
            logger.critical(
                "takeover forced by the operator", metadata: ["node.block": "\(block.map { "\($0)" } ?? "none")"])
        case .pingLost(let group):
            logger.error(
                "no ping target answers here while the peer reaches one; handing the group to the peer",
                metadata: ["resource.group": "\(group)"])
        case .restartLimitReached(let group):
            logger.error(
                "restart limit reached; handing the group to the peer", metadata: ["resource.group": "\(group)"])
        case .fenceDelayed(let delay):
            logger.warning(
                "the peer may be taking over from this node too; waiting fence_delay before fencing it",
                metadata: ["fence.delay_ms": "\(delay.wholeMilliseconds)"])
        }
    }

    /// Publishes the view, logs role and block changes, and keeps the heartbeat's announcement current.
    func publish() {
        var next = NodeView(machine)
        next.ping = pingTargets.map { PingTargetStatus(target: $0.name, state: $0.up ? .up : .down) }
        if next.role != view.role {
            logger.notice(
                "role changed", metadata: ["node.role": "\(next.role.rawValue)", "node.was": "\(view.role.rawValue)"])
        }
        if next.blockedReason != view.blockedReason, let reason = next.blockedReason {
            logger.warning(
                "node blocked",
                metadata: ["node.block": "\(reason)", "node.needs_operator": "\(next.blockNeedsOperator)"])
        }
        view = next
        announceIfChanged(now: false)
    }

    private func announceIfChanged(now: Bool) {
        let current = machine.announcement
        guard now || current != announced else { return }
        announced = current
        announce(LocalAnnouncement(current), now)
    }
}
