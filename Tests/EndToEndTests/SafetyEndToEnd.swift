import Foundation
import PairLab
import Testing

/// Issue 6 in the lab: ping targets, fencing (through a fence host's sshd, on the peer itself, by a local program),
/// a healed partition and the operator's unblock, on the service pair of `TakeoverEndToEnd`. Every scenario samples
/// who holds the service address and asserts that no moment shows two nodes up on the LAN holding it, and what
/// `status` says; never how fast.
@Suite(.serialized)
struct SafetyEndToEnd {
    let limit = ServicePair.limit
    let timings = ServicePair.timings

    @Test func aStandbyThatReachesNoPingTargetStaysBlockedWhileTheActiveServes() async throws {
        let target = LabTopology(runID: "00000000").clientAddress.address
        try await SafetyPair.with(guards: LabGuardSettings(pingTargets: [target])) { lab, _ in
            for node in LabNode.allCases {
                try await lab.waitFor("the ping target up", on: node, within: limit) {
                    $0.ping?.map(\.state) == [.up]
                }
            }
            try await lab.makeUnreachable(target, from: .b)
            try await lab.waitFor("the ping target down", on: .b, within: limit) { $0.ping?.map(\.state) == [.down] }
            let (_, samples) = try await lab.samplingAddressHolders {
                try await SafetyPair.cutHeartbeatMedia(lab)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.peer.state == .dead, "\(blocked.json)")
                #expect(blocked.blockedReason?.hasPrefix("no ping target answers") == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
                try await SafetyPair.holds("blocked by ping", on: .b, in: lab, for: timings.deadtime * 4) {
                    $0.role == "blocked" && $0.blockedReason?.hasPrefix("no ping target answers") == true
                }
                let castor = try await lab.status(of: .a)
                #expect(castor.role == "active" && castor.peer.state == .dead, "\(castor.json)")
                #expect(castor.ping?.map(\.state) == [.up], "\(castor.json)")
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started no PostgreSQL")
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
            #expect(SafetyPair.log(of: .b, in: lab).contains("no ping target answers"))
        }
    }

    @Test func aDeadActiveIsFencedThroughTheFenceHostBeforeThePeerTakesOver() async throws {
        let guards = LabGuardSettings(fence: .sshToFenceHost(.complete))
        try await SafetyPair.with(guards: guards, sshServers: [.fence]) { lab, responder in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.peer.state == .dead, "\(active.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            let fences = responder.fences
            #expect(fences.map(\.node) == [.a], "pollux fenced castor once: \(fences)")
            #expect(await lab.agentProcess(on: .a) == nil, "castor's agent stayed dead")
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor's PostgreSQL stayed dead")
            #expect(try await lab.readLANInterface(of: .node(.a)).isUp == false, "castor stayed off the LAN")
            if let acknowledged = fences.first?.acknowledged {
                #expect(
                    samples.holding(.b).allSatisfy { $0.time >= acknowledged },
                    "pollux added the address only after the fence: \(samples.summary)")
            }
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.readings(of: .b).last?.isActive == true, "\(samples.summary)")
            let log = SafetyPair.log(of: .b, in: lab)
            #expect(log.contains("fencing the peer") && log.contains("peer fenced"), "\(log.suffix(3_000))")
        }
    }

    @Test func aCutOffActiveIsFencedOnItselfThenThePeerTakesOver() async throws {
        let guards = LabGuardSettings(fence: .sshToPeer)
        try await SafetyPair.with(guards: guards, sshServers: [.node(.a), .node(.b)]) { lab, _ in
            try await lab.writeFenceTargets(of: .a)
            let postmaster = try #require(await lab.agentPostmaster(on: .a))
            let (_, samples) = try await lab.samplingAddressHolders {
                try await SafetyPair.cutHeartbeatMedia(lab)
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.peer.state == .dead, "\(active.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            #expect(await lab.agentProcess(on: .a) == nil, "the fence killed castor's agent")
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor's PostgreSQL (pid \(postmaster.pid)) stopped")
            let castorLAN = try await lab.readLANInterface(of: .node(.a))
            #expect(castorLAN.isUp && !castorLAN.holds(lab.topology.serviceAddress.address), "\(castorLAN)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.b], "\(samples.summary)")
            let log = SafetyPair.log(of: .b, in: lab)
            #expect(log.contains("peer fenced"), "\(log.suffix(3_000))")
            let sshd = (try? String(contentsOfFile: lab.paths.fencing.sshdLog(.node(.a)), encoding: .utf8)) ?? ""
            #expect(sshd.contains("Accepted publickey for root"), "\(sshd.suffix(2_000))")
        }
    }

    /// A partition from the start: both nodes start cut off from each other with `cold_start_takeover yes`, so both
    /// take over at initdead and each would fence the other. pollux starts first, so without `fence_delay` it would
    /// fence castor first; it waits instead (it is not the group's home), and castor fences it before the wait ends.
    @Test func twoNodesTakingOverAtOnceDoNotFenceEachOther() async throws {
        // Long enough that castor (started after pollux began waiting) fences first even on a slow machine; the test
        // does not wait it out.
        let guards = LabGuardSettings(fence: .command(.nodeDeath), fenceDelay: .seconds(30))
        try await Lab.with { lab in
            try await lab.prepareServiceData()
            try await lab.prepareFencing()
            try await lab.writeAgentConfiguration(
                AgentLabConfiguration(
                    timings: timings, service: LabServiceSettings(coldStartTakeover: true), guards: guards))
            try await SafetyPair.cutHeartbeatMedia(lab)
            let responder = lab.startFenceResponder()
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.startAgent(on: .b)
                try await lab.waitFor("pollux waiting fence_delay", on: .b, within: limit) { _ in
                    SafetyPair.log(of: .b, in: lab).contains("waiting fence_delay before fencing")
                }
                try await lab.startAgent(on: .a)
                let active = try await lab.waitFor("castor active", on: .a, within: limit) { $0.role == "active" }
                #expect(active.peer.state == .dead, "\(active.json)")
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            let fences = await responder.stop()
            #expect(fences.map(\.node) == [.b], "castor fenced pollux, and nothing fenced castor: \(fences)")
            #expect(await lab.agentProcess(on: .b) == nil, "pollux's agent died with its fence")
            #expect(await lab.agentProcess(on: .a) != nil, "castor's agent lives")
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
            let log = SafetyPair.log(of: .a, in: lab)
            #expect(log.contains("peer fenced") && !log.contains("waiting fence_delay"), "\(log.suffix(3_000))")
        }
    }

    @Test func aFenceHostWithAnUnknownKeyIsNotFencedAndTheStandbyStaysBlocked() async throws {
        let guards = LabGuardSettings(fence: .sshToFenceHost(.withoutFenceHost))
        try await SafetyPair.with(guards: guards, sshServers: [.fence]) { lab, responder in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.blockedReason?.hasPrefix("fencing castor failed") == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
                // Past the first retry (5 s), which must fail the same way.
                try await SafetyPair.holds("blocked by the fence", on: .b, in: lab, for: .seconds(7)) {
                    $0.role == "blocked" && $0.blockedReason?.hasPrefix("fencing castor failed") == true
                }
            }
            #expect(responder.fences.isEmpty, "no fence command ran: \(responder.fences)")
            #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started nothing")
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            let log = SafetyPair.log(of: .b, in: lab)
            #expect(log.contains("fence failed") && log.contains("host_key"), "\(log.suffix(3_000))")
            let sshd = (try? String(contentsOfFile: lab.paths.fencing.sshdLog(.fence), encoding: .utf8)) ?? ""
            #expect(!sshd.contains("Accepted publickey"), "nothing logged in: \(sshd.suffix(2_000))")
        }
    }

    @Test func aFailingFenceCommandBlocksTheStandbyUntilTakeoverForce() async throws {
        let guards = LabGuardSettings(fence: .command(.failing))
        try await SafetyPair.with(guards: guards) { lab, _ in
            var forced = Date.distantFuture
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.blockedReason?.hasPrefix("fencing castor failed") == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
                try await SafetyPair.holds("blocked by the fence", on: .b, in: lab, for: timings.deadtime * 3) {
                    $0.role == "blocked"
                }
                #expect(await lab.agentPostmaster(on: .b) == nil, "pollux started nothing while blocked")

                forced = Date()
                let force = try await lab.pgpairCommand(["takeover", "--force"], on: .b)
                // The agent answers once the view the force leads to is published, so the command's first look at
                // `status` no longer sees the old block.
                #expect(force.exitCode == 0, "\(force)")
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.blockedReason == nil, "\(active.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            #expect(samples.holding(.b).allSatisfy { $0.time >= forced }, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            let log = SafetyPair.log(of: .b, in: lab)
            #expect(log.contains("fence failed") && log.contains("fence-fails"), "\(log.suffix(3_000))")
            #expect(log.contains("takeover forced by the operator"), "\(log.suffix(3_000))")
        }
    }

    @Test func aHealedPartitionStopsTheOlderTakeoverAndSetsItsDataAsideDeletingNothing() async throws {
        try await SafetyPair.with { lab, _ in
            let pgdata = lab.paths.node(.a).pgdata
            var castorData: [String] = []
            let (_, samples) = try await lab.samplingAddressHolders {
                // A partition: castor off the LAN and both heartbeat media cut, so pollux's address check passes.
                try await lab.cut(.lan(.a))
                try await SafetyPair.cutHeartbeatMedia(lab)
                let pollux = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                try await ServicePair.waitForService(from: .b, in: lab)
                let castor = try await lab.status(of: .a)
                #expect(castor.role == "active" && castor.epoch < pollux.epoch, "\(castor.json) \(pollux.json)")
                // postmaster.pid goes with a clean stop; everything else must be kept.
                castorData = try FileManager.default.contentsOfDirectory(atPath: pgdata).filter {
                    $0 != "postmaster.pid"
                }.sorted()

                // The heartbeat heals first: castor must give up before it is back on the LAN.
                try await lab.passTraffic(on: .heartbeat)
                let blocked = try await lab.waitFor("castor blocked", on: .a, within: limit) { $0.role == "blocked" }
                #expect(blocked.blockedReason?.hasPrefix("both nodes held") == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == true, "\(blocked.json)")
                try await lab.restore(.lan(.a))
                try await ServicePair.waitForService(from: .b, in: lab)
                #expect(try await lab.status(of: .b).role == "active")
            }
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor's PostgreSQL stopped")
            let parent = (pgdata as NSString).deletingLastPathComponent
            let asides = try FileManager.default.contentsOfDirectory(atPath: parent).filter {
                $0.hasPrefix("pgdata.aside-")
            }
            #expect(asides.count == 1, "one set-aside directory: \(asides)")
            if let aside = asides.first {
                let kept = try FileManager.default.contentsOfDirectory(atPath: "\(parent)/\(aside)")
                #expect(Set(castorData).isSubset(of: Set(kept)), "nothing deleted: \(castorData) ⊄ \(kept)")
                #expect(kept.contains("PG_VERSION") && kept.contains("base"), "\(kept)")
            }
            let log = SafetyPair.log(of: .a, in: lab)
            #expect(log.contains("both nodes hold the group"), "\(log.suffix(3_000))")
            #expect(log.contains("data directory set aside"), "\(log.suffix(3_000))")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.b], "\(samples.summary)")

            let unblock = try await lab.pgpairCommand(["unblock"], on: .a)
            #expect(unblock.exitCode == 0, "\(unblock)")
            try await lab.waitFor("castor a standby", on: .a, within: limit) { $0.role == "standby" }
        }
    }

    @Test func unblockIsRefusedWhileTheCauseHoldsAndAcceptedOnceItIsGone() async throws {
        try await Lab.with { lab in
            try await lab.prepareServiceData()
            try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: ServicePair.timings))
            let (_, samples) = try await lab.samplingAddressHolders {
                // A cold start: pollux alone, its data a standby copy, its peer never heard.
                try await lab.startAgent(on: .b)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.blockedReason?.hasPrefix("cold start") == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == true, "\(blocked.json)")
                let refused = try await lab.pgpairCommand(["unblock"], on: .b)
                #expect(refused.exitCode == 1, "\(refused)")
                #expect((refused.standardError + refused.standardOutput).contains("cause"), "\(refused)")
                #expect(try await lab.status(of: .b).role == "blocked")

                try await lab.startAgent(on: .a)
                try await lab.waitFor("castor heard", on: .b, within: limit) { $0.peer.state == .up }
                let accepted = try await lab.pgpairCommand(["unblock"], on: .b)
                #expect(accepted.exitCode == 0, "\(accepted)")
                try await ServicePair.settled(lab, active: .a)
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
        }
    }
}
