import Foundation

/// Issue 7's failover with sync, in a fresh lab: castor's cluster initialised and pollux given a cold copy, both
/// agents with heartbeats over the heartbeat link and the serial pair, the group `castor 198.18.0.100/24/lan0 pgsql`
/// and rsync sync (the active pushes into the peer's `pgpair-staging` module over the primary link); a writer
/// committing numbered rows through the service address; one `pgpair sync` round on the active; then, once the
/// standby's `status` shows the completed round, node death of the active. The new active takes over on the
/// installed snapshot. `pgpair-lab demo` prints what it returns; the sync end-to-end test asserts on it.
///
/// A sampler watches who holds the service address from before the round to the end, and the client's watch (a
/// connection attempt every 50 ms) measures the downtime. Every wait is a bound, never a measurement.
public struct SyncFailoverScenario: Sendable {
    /// The agents' heartbeat timings.
    public var timings: AgentTimings
    /// The writer's pause after each commit.
    public var writeInterval: Duration
    /// How long the writer goes on after the round before the fault: the rows a failover on this copy loses.
    public var writingAfterRound: Duration
    /// The bound of every wait.
    public var limit: Duration = .seconds(60)

    public init(
        timings: AgentTimings = .endToEnd, writeInterval: Duration = .milliseconds(20),
        writingAfterRound: Duration = .seconds(1)
    ) {
        self.timings = timings
        self.writeInterval = writeInterval
        self.writingAfterRound = writingAfterRound
    }

    /// The agents' configuration: the service group with rsync sync, rounds only when `pgpair sync` runs.
    public var configuration: AgentLabConfiguration {
        AgentLabConfiguration(timings: timings, service: LabServiceSettings(sync: LabSyncSettings()))
    }

    /// What the scenario saw.
    public struct Outcome: Sendable {
        /// `pgpair status` (the human table) of castor and pollux once the pair had settled.
        public var statusTables: [LabNode: String]
        /// What `pgpair sync` printed on castor.
        public var roundOutput: String
        /// The highest row committed before the round began.
        public var highestRowBeforeRound: Int
        /// The standby's `sync` object once it showed the completed round, just before the fault.
        public var standbySyncBeforeFault: AgentSyncReport
        /// The active's `sync` object just before the fault (its `age_s` comes from the standby's heartbeat).
        public var activeSyncBeforeFault: AgentSyncReport?
        /// Every row the writer committed, in order.
        public var committedRows: [Int]
        /// The committed rows pollux does not hold after the takeover.
        public var missingRows: [Int]
        /// What the client saw of the move.
        public var outage: ServiceOutage
        /// The takeover as pollux's agent logged it, and the client's first success.
        public var timeline: FailoverTimeline
        /// Who held the service address, sampled from before the round to the end.
        public var samples: AddressHolderSamples
        /// Pollux's status once it answered through the service address.
        public var newActiveStatus: AgentStatusReport

        /// The rows committed before the round began that pollux lost: DESIGN.md promises none.
        public var lostRowsCommittedBeforeRound: [Int] {
            missingRows.filter { $0 <= highestRowBeforeRound }
        }
    }

    /// Runs the scenario in `lab`, a fresh lab with nothing started; `report` gets a line per step.
    public func run(in lab: Lab, report: (String) -> Void = { _ in }) async throws -> Outcome {
        try await startPair(in: lab, report: report)
        var tables: [LabNode: String] = [:]
        for node in LabNode.allCases {
            tables[node] = try await lab.pgpairCommand(["status"], on: node, timeout: .seconds(20)).checked()
                .standardOutput
        }
        let writer = try await lab.startRowWriter(every: writeInterval)
        try await writer.waitForRows(10, within: limit)
        report("the writer commits rows through \(lab.topology.serviceAddress.address)")
        let (moved, samples) = try await lab.samplingAddressHolders {
            try await syncThenFail(lab: lab, writer: writer, report: report)
        }
        await writer.stop()
        let missing = try await lab.missingRows(of: writer, on: .b)
        return Outcome(
            statusTables: tables, roundOutput: moved.roundOutput, highestRowBeforeRound: moved.highestBeforeRound,
            standbySyncBeforeFault: moved.standbySync, activeSyncBeforeFault: moved.activeSync,
            committedRows: writer.committedRows(), missingRows: missing, outage: moved.outage,
            timeline: moved.timeline, samples: samples, newActiveStatus: moved.newStatus)
    }

    /// Prepares the data, writes and checks the configuration, starts the rsync daemons and both agents, and waits
    /// until castor is active behind the service address and pollux its standby.
    func startPair(in lab: Lab, report: (String) -> Void) async throws {
        try await lab.prepareServiceData()
        try await lab.writeAgentConfiguration(configuration)
        try await lab.checkAgentConfiguration()
        try await lab.startSyncDaemons(for: configuration)
        for node in LabNode.allCases {
            try await lab.startAgent(on: node)
        }
        try await lab.waitForSettledPair(active: .a, within: limit)
        let watch = try await lab.startServiceWatch()
        do {
            try await watch.waitForAnswer(from: .a, after: Date(), within: limit)
            await watch.stop()
        } catch {
            await watch.stop()
            throw error
        }
        report("castor active, pollux its standby, the service answering on \(lab.topology.serviceAddress.address)")
    }

    private struct Moved: Sendable {
        var roundOutput: String
        var highestBeforeRound: Int
        var standbySync: AgentSyncReport
        var activeSync: AgentSyncReport?
        var outage: ServiceOutage
        var timeline: FailoverTimeline
        var newStatus: AgentStatusReport
    }

    /// The round on castor, the standby's status showing it, more rows, node death of castor, and pollux serving.
    private func syncThenFail(lab: Lab, writer: LabRowWriter, report: (String) -> Void) async throws -> Moved {
        let highestBeforeRound = writer.highestCommitted()
        let roundStart = Date()
        let round = try await lab.runSyncRound(on: .a)
        report("sync round on castor complete (rows 1…\(highestBeforeRound) were committed before it began)")
        var standbySync: AgentSyncReport?
        try await lab.waitFor("the round in pollux's status", on: .b, within: limit) { status in
            guard let sync = try? status.syncReport(), let success = sync.lastSuccess, success >= roundStart.floorSecond
            else { return false }
            standbySync = sync
            return true
        }
        guard var standbySync else { throw LabError(.invalidState, "pollux's status lost its sync object") }
        try await Task.sleep(for: writingAfterRound)
        let activeSync = try? await lab.status(of: .a).syncReport()
        if let latest = try? await lab.status(of: .b).syncReport() { standbySync = latest }

        let watch = try await lab.startServiceWatch()
        do {
            try await watch.waitForAnswer(from: .a, after: Date(), within: limit)
            let logStart = AgentLogLine.endOffset(ofFile: lab.agentLogFile(of: .b))
            let fault = Date()
            try await lab.failNode(.a)
            report("node death of castor")
            try await lab.waitFor("pollux active", on: .b, within: limit) { $0.role == "active" }
            try await watch.waitForAnswer(from: .b, after: fault, within: limit)
            try await writer.waitForRows(writer.committedRows().count + 1, within: limit)
            await watch.stop()
            guard
                let outage = ServiceOutage.measure(
                    reports: watch.reports(), fault: fault, from: LabNode.a.name, to: LabNode.b.name)
            else { throw LabError(.invalidState, "the watch saw pollux answer, then lost the answer") }
            let lines = AgentLogLine.lines(inFile: lab.agentLogFile(of: .b), from: logStart).lines
            let newStatus = try await lab.status(of: .b)
            report("pollux serves through the service address, and the writer commits through it again")
            return Moved(
                roundOutput: round.standardOutput, highestBeforeRound: highestBeforeRound, standbySync: standbySync,
                activeSync: activeSync, outage: outage,
                timeline: FailoverTimeline(fault: fault, agentLines: lines, firstClientSuccess: outage.firstNewAnswer),
                newStatus: newStatus)
        } catch {
            await watch.stop()
            throw error
        }
    }
}

extension Date {
    /// This time with its fraction of a second dropped: `status` gives times to the second.
    var floorSecond: Date {
        Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down))
    }
}
