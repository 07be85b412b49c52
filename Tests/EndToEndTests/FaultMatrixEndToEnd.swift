import Foundation
import PairCore
import PairLab
import Testing

/// Issue 7's fault matrix in the lab: the rows no other end-to-end suite covers (docs/failure-modes.md maps every
/// row to its test). Each scenario builds its own lab with the service pair (castor active, pollux a cold copy),
/// samples who holds the service address throughout, and asserts that no sampled moment shows two nodes up on the
/// LAN holding it, where the service ends up (the client probe's `cluster_name`) and, where a node must refuse, its
/// `blocked_reason`; never how fast.
@Suite(.serialized)
struct FaultMatrixEndToEnd {
    let limit = ServicePair.limit
    let timings = ServicePair.timings

    /// kill -9 of the active's agent alone (no service manager kills the rest, as under the init script): its
    /// heartbeats stop while its PostgreSQL and the address stay. The standby's verdict comes, but castor's kernel
    /// still answers ARP for the address, so pollux blocks on `addressInUse` (a block that clears itself) and adds
    /// nothing; the orphaned PostgreSQL serves on, and a row committed through it meanwhile is kept. A new agent on
    /// castor stops the group it finds running and, with the higher epoch, takes it back on its own data.
    @Test func aKilledAgentOnTheActiveLeavesItsServiceThereAndThePeerBlockedOnTheAddress() async throws {
        try await FaultPair.with { lab in
            let address = lab.topology.serviceAddress.address
            let postmaster = try #require(await lab.agentPostmaster(on: .a))
            let row = "agent-killed-\(UUID().uuidString)"
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.killAgent(on: .a)
                try await expectPolluxBlockedOnTheAddress(in: lab)
                #expect(
                    ProcessTable.isAlive(pid: postmaster.pid, startTime: postmaster.startTime),
                    "castor's PostgreSQL outlives its agent")
                try await ServicePair.waitForService(from: .a, in: lab)
                let written = try await lab.probe(address, insert: row)
                #expect(written.ok && written.clusterName == LabNode.a.name, "\(written)")

                // What a service manager's restart (or the operator) does: a new agent on castor.
                try await lab.startAgent(on: .a)
                try await ServicePair.settled(lab, active: .a)
                try await ServicePair.waitForService(from: .a, in: lab)
                let found = try await lab.probe(address, find: row)
                #expect(found.found == true && found.clusterName == LabNode.a.name, "on its own data: \(found)")
            }
            #expect(try await lab.status(of: .b).blockedReason == nil, "the block cleared itself")
            #expect(AgentPair.log(of: .a, in: lab).contains("group found running at agent start"))
            #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started no PostgreSQL")
            #expect(samples.holding(.b).isEmpty, "pollux never added the address: \(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
        }
    }

    /// The heartbeat link cut alone: its `ucast` link goes down on both nodes while the serial line carries the
    /// heartbeats, and nothing moves. (The lab's primary link carries no heartbeat; see the next scenario.)
    @Test func aCutHeartbeatLinkMovesNothing() async throws {
        try await FaultPair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.cut(.heartbeat)
                try await FaultPair.nothingMoves(in: lab, for: timings.deadtime * 3, links: Self.serialUp)
                try await expectOnlyTheSerialLineUp(in: lab)
                try await ServicePair.waitForService(from: .a, in: lab)
                try await lab.restore(.heartbeat)
                try await ServicePair.settled(lab, active: .a)
            }
            expectCastorHeldAlone(samples)
        }
    }

    /// The primary link cut alone: no heartbeat medium uses it, so every link stays up and nothing moves.
    @Test func aCutPrimaryLinkMovesNothing() async throws {
        try await FaultPair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.cut(.primary)
                try await FaultPair.nothingMoves(in: lab, for: timings.deadtime * 3) { $0.peerUpOnEveryLink }
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            expectCastorHeldAlone(samples)
        }
    }

    /// Both network links between the nodes cut (primary and heartbeat), the serial line still up: the serial line
    /// alone keeps the peer up, and nothing moves.
    @Test func bothNetworkLinksCutWithTheSerialLineUpMoveNothing() async throws {
        try await FaultPair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.cut(.primary)
                try await lab.cut(.heartbeat)
                try await FaultPair.nothingMoves(in: lab, for: timings.deadtime * 3, links: Self.serialUp)
                try await expectOnlyTheSerialLineUp(in: lab)
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            expectCastorHeldAlone(samples)
        }
    }

    /// Every heartbeat medium cut (the heartbeat link drops everything in the middle, the serial cable pulled) with
    /// the LAN up and no ping target or fence: each node sees the other dead. Castor keeps the group; pollux's
    /// duplicate-address check finds castor answering ARP for the address, so it blocks on `addressInUse` and adds
    /// nothing. When the heartbeat link passes traffic again, the block clears and pollux is a standby again.
    @Test func everyHeartbeatMediumCutWithoutPingBlocksThePeerOnTheAddress() async throws {
        try await FaultPair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await SafetyPair.cutHeartbeatMedia(lab)
                try await expectPolluxBlockedOnTheAddress(in: lab)
                let castor = try await lab.status(of: .a)
                #expect(castor.role == "active" && castor.peer.state == .dead, "\(castor.json)")
                try await ServicePair.waitForService(from: .a, in: lab)

                try await lab.passTraffic(on: .heartbeat)
                try await lab.waitFor("pollux a standby again", on: .b, within: limit) {
                    $0.role == "standby" && $0.peer.state == .up && $0.blockedReason == nil
                }
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started no PostgreSQL")
            expectCastorHeldAlone(samples)
        }
    }

    /// A serial line as the only medium, then node death of the active: the serial line falls silent with castor's
    /// agent, pollux's verdict comes, nobody answers ARP for the address, and pollux takes over.
    @Test func withTheSerialLineAloneTheDeathOfTheActiveMovesTheService() async throws {
        let configuration = AgentLabConfiguration(timings: timings, media: [.serialLine])
        try await FaultPair.with(configuration) { lab in
            let before = try await lab.status(of: .b)
            #expect(before.peer.links.map(\.medium) == [try AgentPair.media(of: .b, in: lab).serial], "\(before.json)")
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.peer.state == .dead, "\(active.json)")
                #expect(active.epoch > before.epoch, "a takeover raises the epoch: \(active.json)")
                let report = try await ServicePair.waitForService(from: .b, in: lab)
                #expect(report.inRecovery == false, "\(report)")
            }
            expectPolluxActiveAtTheEnd(samples)
        }
    }

    /// Forged and replayed heartbeats injected on the heartbeat link while the standby fails over: castor's
    /// processes are killed and its LAN and primary link cut, its heartbeat cable left in so that a stranger on that
    /// link can send "castor" messages from castor's address — one signed with another key claiming castor alive
    /// and active far ahead in its stream, and a genuine message captured earlier. Neither holds the failover off
    /// or counts as castor: pollux counts each as `auth` or `replay` and takes over exactly once.
    @Test func forgedAndReplayedHeartbeatsDuringAFailoverAreDroppedAndPolluxTakesOverOnce() async throws {
        try await FaultPair.with { lab in
            let pollux = lab.topology.heartbeatAddress(.b).address
            let castor = lab.topology.heartbeatAddress(.a).address
            let port = AgentLabConfiguration.udpPort
            let captured = try await lab.captureUDP(
                in: .node(.b), interface: lab.topology.heartbeatInterface, port: port, from: castor)[0]
            let castorView = try await lab.status(of: .a)
            let forged = HeartbeatCodec(keys: AgentLabConfiguration().authKeys).encode(
                HeartbeatMessage(
                    sender: LabNode.a.name, generation: castorView.generation, sequence: 1 << 40, role: .active,
                    heldGroups: [ServicePair.group(lab)], epoch: castorView.epoch, copy: nil,
                    deadtime: timings.deadtime))
            let baseline = try await lab.status(of: .b).peer.rejected

            var sent = 0
            var roles: [String] = []
            let (_, samples) = try await lab.samplingAddressHolders {
                await lab.killProcesses(of: .a)
                try await lab.cut(.lan(.a))
                try await lab.cut(.primary)
                // Injected until pollux has been active for a while, so a message wrongly taken for castor would
                // show as a role change.
                let deadline = ContinuousClock.now + limit
                var activeRounds = 0
                while activeRounds < 10, ContinuousClock.now < deadline {
                    try await lab.sendUDP(forged, from: .node(.a), to: pollux, port: port)
                    try await lab.sendUDP(captured, from: .node(.a), to: pollux, port: port)
                    sent += 1
                    let role = try await lab.status(of: .b).role
                    if roles.last != role { roles.append(role) }
                    if role == "active" { activeRounds += 1 }
                }
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            #expect(roles.last == "active", "pollux took over: \(roles)")
            #expect(roles.filter { $0 == "active" }.count == 1, "pollux became active once: \(roles)")
            #expect(FaultPair.roleChanges(to: "active", on: .b, in: lab).count == 1, "one takeover in pollux's log")
            let status = try await lab.status(of: .b)
            #expect(status.epoch > castorView.epoch, "\(status.json)")
            #expect(status.peer.state == .dead, "\(status.json)")
            #expect(status.peer.rejected.auth - baseline.auth == sent, "\(sent) forged sent: \(status.json)")
            #expect(status.peer.rejected.replay - baseline.replay == sent, "\(sent) replays sent: \(status.json)")
            #expect(AgentPair.log(of: .b, in: lab).contains("heartbeat rejected"))
            expectPolluxActiveAtTheEnd(samples)
        }
    }

    /// A configuration error on one node: castor's agent is stopped to apply a change (a clean stop hands the group
    /// to pollux), and its edited ha.cf has an error. The new agent refuses to start with exit status 78 (which the
    /// systemd unit does not restart), naming the file and the line; pollux serves on.
    @Test func aConfigurationErrorKeepsOneAgentFromStartingWhileThePeerServes() async throws {
        try await FaultPair.with { lab in
            let haCF = "\(lab.paths.node(.a).configDirectory)/ha.cf"
            var refused: CommandOutput?
            var errorLine = 0
            let (_, samples) = try await lab.samplingAddressHolders {
                let exit = try await lab.stopAgent(on: .a)
                #expect(exit == .exited(0), "\(lab.agentLogTail(of: .a))")
                try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                try await ServicePair.waitForService(from: .b, in: lab)

                let text = try String(contentsOfFile: haCF, encoding: .utf8)
                errorLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
                try (text + "keepalive soon\n").write(toFile: haCF, atomically: true, encoding: .utf8)
                refused = try await lab.run(
                    in: .node(.a), [lab.executables.pgpair, "agent"] + lab.pgpairOptions(for: .a) + ["--log-stderr"],
                    timeout: .seconds(30))
                try await SafetyPair.holds("pollux serving", on: .b, in: lab, for: timings.deadtime * 2) {
                    $0.role == "active" && $0.blockedReason == nil
                }
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            let output = try #require(refused)
            #expect(output.exitCode == 78, "\(output)")
            #expect(output.standardError.contains("ha.cf:\(errorLine):"), "names the file and line: \(output)")
            #expect(await lab.agentProcess(on: .a) == nil, "castor runs no agent")
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor runs no PostgreSQL")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.b], "\(samples.summary)")
        }
    }

    /// A standby reboot as the systemd unit and the init script do it: node death of pollux, its added addresses
    /// flushed, its links up again, then `pgpair pull` before its agent starts. The pull installs pollux's newest
    /// snapshot (a completed round, newer than its cold copy), setting the old data directory aside; its agent hears
    /// castor and stays standby, and castor serves throughout.
    @Test func aRebootedStandbyPullsItsNewestSnapshotAndComesBackAsTheStandby() async throws {
        try await FaultPair.with(FaultPair.syncing) { lab in
            try await FaultPair.completeRound(in: lab)
            let pgdata = lab.paths.node(.b).pgdata
            let parent = (pgdata as NSString).deletingLastPathComponent
            let name = (pgdata as NSString).lastPathComponent
            var pull: CommandOutput?
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.b)
                try await lab.flushAddedAddresses(of: .b)
                for link in lab.links(of: .b) {
                    try await lab.restore(link)
                }
                pull = try await lab.pgpairCommand(["pull"], on: .b)
                try await lab.startSyncDaemons(for: FaultPair.syncing, on: [.b])
                try await lab.startAgent(on: .b)
                // Past its startup window, so that a wrong decision would have been taken.
                try await Task.sleep(for: timings.initdead + timings.deadtime)
                try await ServicePair.settled(lab, active: .a)
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            let output = try #require(pull)
            #expect(output.exitCode == 0, "\(output)")
            let replaced = try FileManager.default.contentsOfDirectory(atPath: parent).filter {
                $0.hasPrefix("\(name).replaced-")
            }
            #expect(replaced.count == 1, "the pull set the cold copy aside: \(replaced) \(output)")
            #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started no PostgreSQL")
            let pollux = try await lab.status(of: .b)
            #expect(pollux.role == "standby" && pollux.blockedReason == nil, "\(pollux.json)")
            expectCastorHeldAlone(samples)
        }
    }

    /// A sync round killed midway, then node death of the active. With rsync sync and a writer committing numbered
    /// rows through the service address, one round completes; then a table is added (so the next round has much to
    /// send) and the next round, slowed with `--bwlimit`, is killed with SIGKILL while its rsync transfers. Its rsync
    /// dies with it and nothing of it is published: pollux's newest copy is still the first round's. Castor then
    /// dies; pollux takes over on that copy. No row committed before the completed round began is lost, and the table
    /// only the killed round carried is not there.
    @Test func aSyncRoundKilledMidwayThenAFailoverLosesNoRowCommittedBeforeTheLastCompletedRound() async throws {
        try await FaultPair.with(FaultPair.syncing) { lab in
            let writer = try await lab.startRowWriter()
            try await writer.waitForRows(10, within: limit)

            let highestBeforeRound = writer.highestCommitted()
            let copy = try await FaultPair.completeRound(in: lab)

            _ = try await lab.sql(
                on: .a,
                "CREATE TABLE \(Self.fillerTable) AS SELECT g, repeat(md5(g::text), 20) AS v "
                    + "FROM generate_series(1, 30000) g")
            let transfers = try await killRoundWhileItTransfers(on: .a, in: lab)
            for transfer in transfers {
                #expect(await Self.ends(transfer), "rsync \(transfer.pid) died with its round")
            }
            let standby = try await lab.status(of: .b)
            #expect(
                try standby.syncReport()?.lastSuccess == copy, "nothing of the killed round published: \(standby.json)")

            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.peer.state == .dead, "\(active.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
                try await writer.waitForRows(writer.committedRows().count + 1, within: limit)
            }
            await writer.stop()
            let missing = try await lab.missingRows(of: writer, on: .b)
            let lost = missing.filter { $0 <= highestBeforeRound }
            #expect(lost.isEmpty, "rows 1…\(highestBeforeRound) were committed before the round began; lost: \(lost)")
            let filler = try await lab.sql(on: .b, "SELECT to_regclass('\(Self.fillerTable)') IS NULL")
            #expect(filler == "t", "the killed round's table is not on pollux")
            expectPolluxActiveAtTheEnd(samples)
        }
    }

    /// The table only the killed round would have carried.
    private static let fillerTable = "pgpair_filler"

    /// Runs `pgpair sync --bwlimit` on `node` as a lab process, waits until its rsync runs, lets it transfer a moment
    /// and kills the round with SIGKILL; returns the rsync processes seen (their parent-death signal ends them).
    private func killRoundWhileItTransfers(on node: LabNode, in lab: Lab) async throws -> [ProcessTable.Entry] {
        let round = try await lab.spawn(
            "killed-sync", in: .node(node), node: node,
            [lab.executables.pgpair, "sync", "--bwlimit", "500"] + lab.pgpairOptions(for: node))
        var transfers: [ProcessTable.Entry] = []
        let deadline = ContinuousClock.now + limit
        while transfers.isEmpty, round.isRunning, ContinuousClock.now < deadline {
            transfers = ProcessTable.descendants(of: round.pid).filter { Self.command(of: $0.pid) == "rsync" }
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(!transfers.isEmpty, "the round's rsync was seen running: \(round.logTail())")
        try await Task.sleep(for: .milliseconds(700))
        #expect(round.isRunning, "the round was still transferring when killed: \(round.logTail())")
        round.send(SIGKILL)
        #expect(await round.waitForExit(within: .seconds(30)))
        return transfers
    }

    /// The command name of `pid` (`/proc/PID/comm`), nil when it has gone.
    private static func command(of pid: Int32) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.trimmingCharacters(in: .newlines)
    }

    /// Waits (at most 30 s) until `process` has ended; returns whether it did.
    private static func ends(_ process: ProcessTable.Entry) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ProcessTable.isAlive(pid: process.pid, startTime: process.startTime) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    // MARK: Shared checks

    /// Pollux sees castor dead but blocks on the duplicate-address reason (castor's kernel still answers ARP for
    /// the address), a block that clears itself, and stays blocked for three deadtimes.
    private func expectPolluxBlockedOnTheAddress(in lab: Lab) async throws {
        let address = lab.topology.serviceAddress.address
        let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
        #expect(blocked.peer.state == .dead, "\(blocked.json)")
        #expect(
            blocked.blockedReason?.hasPrefix("another host answers ARP for the service address \(address)") == true,
            "\(blocked.json)")
        #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
        try await SafetyPair.holds("blocked on the address", on: .b, in: lab, for: timings.deadtime * 3) {
            $0.role == "blocked" && $0.blockedReason == blocked.blockedReason
        }
    }

    /// Whether every serial link of a status is up.
    private static func serialUp(_ status: AgentStatusReport) -> Bool {
        let serial = status.peer.links.filter { $0.medium.hasPrefix("serial ") }
        return !serial.isEmpty && serial.allSatisfy { $0.state == .up }
    }

    /// Both nodes see the `ucast` link down and the serial line up.
    private func expectOnlyTheSerialLineUp(in lab: Lab) async throws {
        for node in LabNode.allCases {
            let media = try AgentPair.media(of: node, in: lab)
            let status = try await lab.status(of: node)
            #expect(status.peer.link(media.unicast)?.state == .down, "\(status.json)")
            #expect(status.peer.link(media.serial)?.state == .up, "\(status.json)")
        }
    }

    /// No double-active moment, and at the end pollux is active (holding the address, up on the LAN) and castor
    /// is not: a dead castor keeps the address on its interface, but its LAN port is cut.
    private func expectPolluxActiveAtTheEnd(_ samples: AddressHolderSamples) {
        #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
        #expect(samples.readings(of: .b).last?.isActive == true, "\(samples.summary)")
        #expect(samples.readings(of: .a).last?.isActive == false, "\(samples.summary)")
    }

    /// Castor held the address throughout and pollux never did.
    private func expectCastorHeldAlone(_ samples: AddressHolderSamples) {
        #expect(samples.holding(.b).isEmpty, "pollux never added the address: \(samples.summary)")
        #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
        #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
    }
}
