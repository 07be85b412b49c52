import Foundation
import PairLab
import Testing

/// Issue 4 in the lab: two agents run the group `castor 198.18.0.100/24/lan0 pgsql` on real PostgreSQL clusters
/// (pollux's a cold copy of castor's). The client tells the nodes apart by `cluster_name`; a sampler reads who holds
/// the service address while a scenario runs. The tests assert what happened — who answers, who holds the address,
/// what `status` says — never how fast; every wait is a generous bound.
@Suite(.serialized)
struct TakeoverEndToEnd {
    let limit = ServicePair.limit
    let timings = ServicePair.timings

    @Test func theDeathOfTheActiveMovesTheServiceToThePeerBehindTheSameAddress() async throws {
        try await ServicePair.with { lab in
            let before = try await lab.status(of: .b)
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.failNode(.a)
                let status = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(status.peer.state == .dead, "\(status.json)")
                #expect(status.epoch > before.epoch, "a takeover raises the epoch: \(status.json)")
                if let group = status.group(ServicePair.group(lab)) {
                    #expect(group.owner == LabNode.b.name && group.state == .running, "\(status.json)")
                }
                let report = try await ServicePair.waitForService(from: .b, in: lab)
                #expect(report.serverAddress == lab.topology.serviceAddress.address, "\(report)")
                #expect(report.inRecovery == false)
                #expect(await lab.agentPostmaster(on: .b) != nil, "pollux's agent runs PostgreSQL")
            }
            #expect(samples.readings(of: .b).last?.isActive == true, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
        }
    }

    @Test func aPlannedSwitchoverMovesTheServiceBothWaysWithNeverTwoHolders() async throws {
        try await ServicePair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                let standby = try await lab.pgpairCommand(["standby", "--timeout", "60"], on: .a)
                #expect(standby.exitCode == 0, "\(standby)")
                try await ServicePair.settled(lab, active: .b)
                try await ServicePair.waitForService(from: .b, in: lab)

                let takeover = try await lab.pgpairCommand(["takeover", "--timeout", "60"], on: .a)
                #expect(takeover.exitCode == 0, "\(takeover)")
                try await ServicePair.settled(lab, active: .a)
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(!samples.holding(.b).isEmpty, "the sampler saw pollux hold the address: \(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
        }
    }

    @Test func aStandbyOnEachNodeInTurnLeavesTheServiceRunningOnOneNode() async throws {
        try await ServicePair.with { lab in
            let first = try await lab.pgpairCommand(["standby", "--timeout", "30"], on: .a)
            #expect(first.exitCode == 0, "\(first)")
            try await ServicePair.settled(lab, active: .b)
            // castor handed the group away with `standby`; pollux's `standby` may be refused (castor takes groups
            // back only by `takeover`) or done (castor runs the group again), but the group must not be left stopped
            // on both nodes, nor bounce between them.
            let second = try await lab.pgpairCommand(["standby", "--timeout", "30"], on: .b)
            #expect(second.exitCode == 0 || second.exitCode == 1, "\(second)")
            let (_, samples) = try await lab.samplingAddressHolders {
                try await Task.sleep(for: .seconds(3))
            }
            let holders = Set(samples.readings.filter(\.holds).map(\.node))
            #expect(holders.count == 1, "one node keeps the address: \(samples.summary)")
            if holders.count == 1, let holder = holders.first {
                try await ServicePair.waitForService(from: holder, in: lab)
            } else {
                Issue.record("\(await ServicePair.diagnostics(lab))")
            }
        }
    }

    @Test func aKilledPostmasterIsRestartedInPlaceWithoutAFailover() async throws {
        try await ServicePair.with { lab in
            let epoch = try await lab.status(of: .a).epoch
            var castorRoles: Set<String> = []
            var polluxRoles: Set<String> = []
            let (_, samples) = try await lab.samplingAddressHolders {
                let killed = try await lab.killAgentPostmaster(on: .a)
                let deadline = ContinuousClock.now + limit
                while true {
                    castorRoles.insert(try await lab.status(of: .a).role)
                    polluxRoles.insert(try await lab.status(of: .b).role)
                    if let postmaster = await lab.agentPostmaster(on: .a), postmaster.pid != killed { break }
                    guard ContinuousClock.now < deadline else {
                        Issue.record("castor's PostgreSQL was not restarted: \(await ServicePair.diagnostics(lab))")
                        return
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                try await ServicePair.waitForService(from: .a, in: lab)
                let status = try await lab.status(of: .a)
                #expect(status.role == "active" && status.epoch == epoch, "restarted in place: \(status.json)")
            }
            #expect(!castorRoles.contains("standby"), "castor kept the group: \(castorRoles)")
            #expect(polluxRoles == ["standby"], "pollux took nothing: \(polluxRoles)")
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            // Only PostgreSQL restarted: the address before it in the group stayed on castor throughout.
            let castor = samples.readings(of: .a)
            #expect(!castor.isEmpty && castor.allSatisfy(\.holds), "\(samples.summary)")
            let log = (try? String(contentsOfFile: lab.agentLogFile(of: .a), encoding: .utf8)) ?? ""
            #expect(
                log.contains("restarting the group in place") && log.contains("resource.name=pgsql"),
                "\(log.suffix(3_000))")
        }
    }

    /// `restart_limit 1`: the first death is restarted in place, the second within the hour hands the group over.
    @Test func aPostmasterThatKeepsDyingIsHandedToThePeerAfterRestartLimit() async throws {
        try await ServicePair.with(LabServiceSettings(restartLimit: 1)) { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                let first = try await lab.killAgentPostmaster(on: .a)
                try await ServicePair.waitForNewPostmaster(on: .a, replacing: first, in: lab)
                try await ServicePair.waitForService(from: .a, in: lab)
                #expect(try await lab.status(of: .b).role == "standby", "one death is restarted in place")

                _ = try await lab.killAgentPostmaster(on: .a)
                let pollux = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(pollux.peer.state == .up, "a handover, not a failover: \(pollux.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
                let castor = try await lab.waitFor("castor a standby", on: .a, within: limit) {
                    $0.role == "standby"
                }
                #expect(castor.blockedReason == nil, "\(castor.json)")
            }
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor's PostgreSQL stays stopped")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.b], "\(samples.summary)")
            let log = (try? String(contentsOfFile: lab.agentLogFile(of: .a), encoding: .utf8)) ?? ""
            #expect(log.contains("restart limit reached"), "\(log.suffix(3_000))")
        }
    }

    @Test func anAddressHeldByAnotherHostBlocksTheTakeoverUntilItIsDropped() async throws {
        try await ServicePair.with { lab in
            let address = lab.topology.serviceAddress.address
            var dropped = Date.distantFuture
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.addServiceAddress(in: .client)
                try await lab.failNode(.a)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.blockedReason?.contains(address) == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
                // A deadtime more to misbehave in: the block holds while the client answers for the address.
                try await Task.sleep(for: timings.deadtime)
                let still = try await lab.status(of: .b)
                #expect(still.role == "blocked", "\(still.json)")

                dropped = Date()
                try await lab.removeServiceAddress(from: .client)
                let active = try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
                #expect(active.blockedReason == nil, "\(active.json)")
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            #expect(samples.holding(.b).allSatisfy { $0.time >= dropped }, "\(samples.summary)")
            #expect(samples.readings(of: .b).last?.isActive == true, "\(samples.summary)")
        }
    }

    @Test func aFrozenActiveKeepsTheAddressAndThePeerBlocksInsteadOfJoiningIt() async throws {
        try await ServicePair.with { lab in
            let address = lab.topology.serviceAddress.address
            let (_, samples) = try await lab.samplingAddressHolders {
                let frozenAt = ContinuousClock.now
                await lab.freezeProcesses(of: .a)
                let blocked = try await lab.waitFor("pollux blocked", on: .b, within: limit) { $0.role == "blocked" }
                #expect(blocked.peer.state == .dead, "\(blocked.json)")
                #expect(blocked.blockedReason?.contains(address) == true, "\(blocked.json)")
                #expect(blocked.blockNeedsOperator == false, "\(blocked.json)")
                let rest = frozenAt + timings.deadtime * 3 - ContinuousClock.now
                if rest > .zero { try await Task.sleep(for: rest) }
                await lab.thawProcesses(of: .a)

                try await ServicePair.settled(lab, active: .a)
                let pollux = try await lab.status(of: .b)
                #expect(pollux.blockedReason == nil, "the block cleared itself: \(pollux.json)")
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(samples.holding(.b).isEmpty, "pollux never added the address: \(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
        }
    }

    @Test func aRebootedStandbyComesBackAsTheStandby() async throws {
        try await ServicePair.with { lab in
            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.reboot(.b)
                // Past its startup window, so that a wrong decision would have been taken.
                try await Task.sleep(for: timings.initdead + timings.deadtime)
                try await ServicePair.settled(lab, active: .a)
                try await ServicePair.waitForService(from: .a, in: lab)
            }
            #expect(samples.holding(.b).isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.a], "\(samples.summary)")
        }
    }

    @Test func aRebootedFormerActiveDoesNotBecomeActiveOnItsOldData() async throws {
        try await ServicePair.with { lab in
            try await lab.failNode(.a)
            try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
            try await ServicePair.waitForService(from: .b, in: lab)
            let epoch = try await lab.status(of: .b).epoch

            let (_, samples) = try await lab.samplingAddressHolders {
                try await lab.reboot(.a)
                try await Task.sleep(for: timings.initdead + timings.deadtime)
                try await ServicePair.settled(lab, active: .b)
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            let castorHeldOnTheLAN = samples.readings(of: .a).filter { $0.holds && $0.linkUp }
            #expect(castorHeldOnTheLAN.isEmpty, "\(samples.summary)")
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.readings(of: .b).last?.isActive == true, "\(samples.summary)")
            #expect(await lab.agentPostmaster(on: .a) == nil, "castor started no PostgreSQL on its old data")
            let pollux = try await lab.status(of: .b)
            #expect(pollux.role == "active" && pollux.epoch == epoch, "\(pollux.json)")
        }
    }

    @Test func aScriptResourceStartsLeftToRightAndStopsRightToLeft() async throws {
        try await ServicePair.with(LabServiceSettings(recordsOrder: true)) { lab in
            let started = ["first start address=up postgres=down", "last start address=up postgres=up"]
            let stopped = ["last stop address=up postgres=up", "first stop address=up postgres=down"]
            #expect(lab.orderRecords(of: .a).map(\.description) == started)

            let standby = try await lab.pgpairCommand(["standby", "--timeout", "60"], on: .a)
            #expect(standby.exitCode == 0, "\(standby)")
            try await ServicePair.settled(lab, active: .b)
            try await ServicePair.waitForService(from: .b, in: lab)
            #expect(lab.orderRecords(of: .a).map(\.description) == started + stopped)
            #expect(lab.orderRecords(of: .b).map(\.description) == started)
        }
    }
}
