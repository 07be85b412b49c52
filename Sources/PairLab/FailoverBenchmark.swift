import Foundation
import PairCore

/// `pgpair-lab bench failover`, one setting: client-observed downtime of unplanned failovers (node death at a random
/// point of the heartbeat cycle) and of planned switchovers, against the floor of the setting.
///
/// In a lab of its own: castor's cluster is initialised and pollux gets a cold copy; the floor's PostgreSQL part is
/// measured first, as the median of bare `pg_ctl start -w` runs on pollux's copy (floor = deadtime + that median).
/// Then both agents start with the service group (service address and `pgsql`) and, while a sampler watches who
/// holds the service address, each unplanned round kills the active node (`Lab.failNode`: its processes killed, its
/// links cut) once the pair is settled, after a random 0…keepalive wait; the client's watch (an attempt every 50 ms)
/// gives the downtime: from the fault to the first connection served by the other node. The dead node's cluster is
/// recovered and stopped cleanly (a bare start and stop), so that every takeover starts a cleanly stopped copy as the
/// floor's does, then the node is rebooted and becomes the standby, so the victims alternate. Each planned round runs `pgpair takeover` on the standby and
/// measures from the command's start to the first connection served by it; the direction alternates.
public struct FailoverBenchmark: Sendable {
    public var timings: AgentTimings
    /// Unplanned failovers.
    public var rounds: Int
    /// Planned switchovers (0: none).
    public var plannedRounds: Int
    /// Bare `pg_ctl start -w` runs for the floor.
    public var floorRuns: Int
    /// How long any one wait of a round may take before the benchmark gives up (a bound, not a measurement).
    public var limit: Duration = .seconds(60)
    /// Ping targets and fencing of the agents (a fence performs node death through the lab's fence responder).
    public var guards: LabGuardSettings

    public init(
        timings: AgentTimings, rounds: Int = 20, plannedRounds: Int = 20, floorRuns: Int = 10,
        guards: LabGuardSettings = LabGuardSettings()
    ) {
        self.timings = timings
        self.rounds = rounds
        self.plannedRounds = plannedRounds
        self.floorRuns = floorRuns
        self.guards = guards
    }

    /// What one setting measured.
    public struct Result: Sendable, Equatable {
        public var timings: AgentTimings
        /// Client-observed downtime of each unplanned failover, in round order.
        public var unplanned: [Duration]
        /// Each bare `pg_ctl start -w` of the standby's copy.
        public var postgresStarts: [Duration]
        /// Client-observed downtime of each planned switchover, in round order.
        public var planned: [Duration]
        /// Sampled moments with two nodes up on the LAN holding the service address.
        public var doubleActive: Int
        /// How many holder readings were taken.
        public var readings: Int
        /// The guards of the setting.
        public var guards: LabGuardSettings = LabGuardSettings()
        /// With fencing: each unplanned round's fence as the new active's agent timed it (`fence.duration_ms`),
        /// in round order.
        public var fences: [Duration] = []

        public init(
            timings: AgentTimings, unplanned: [Duration], postgresStarts: [Duration], planned: [Duration],
            doubleActive: Int, readings: Int
        ) {
            self.timings = timings
            self.unplanned = unplanned
            self.postgresStarts = postgresStarts
            self.planned = planned
            self.doubleActive = doubleActive
            self.readings = readings
        }

        /// The fence's share of each round's downtime, for the rounds whose fence was timed.
        public var fenceShares: [Double] {
            zip(fences, unplanned).compactMap { fence, downtime in
                downtime > .zero ? Double(fence.wholeMilliseconds) / Double(downtime.wholeMilliseconds) : nil
            }
        }

        /// `samples` in whole milliseconds, separated by spaces, for progress output.
        public func milliseconds(_ samples: [Duration]) -> String {
            samples.map { "\($0.wholeMilliseconds)" }.joined(separator: " ")
        }

        /// deadtime + the median bare `pg_ctl start -w`.
        public var floor: Duration? {
            LatencySummary(postgresStarts).map { timings.deadtime + $0.p50 }
        }

        /// The setting's output line, e.g. `bench failover: deadtime_ms=1000 keepalive_ms=200 runs=20 …`.
        public var line: String {
            var words = [
                "deadtime_ms=\(timings.deadtime.wholeMilliseconds)",
                "keepalive_ms=\(timings.keepalive.wholeMilliseconds)",
                "runs=\(unplanned.count)",
            ]
            words += guardWords
            words += Self.summaryWords("downtime", unplanned)
            words += Self.summaryWords("pg_ctl_start", postgresStarts, maximum: false)
            words.append("floor_ms=\(floor.map { "\($0.wholeMilliseconds)" } ?? "-")")
            if guards.fence != nil {
                words += Self.summaryWords("fence", fences)
                let shares = fenceShares.sorted()
                let median = shares.isEmpty ? "-" : String(format: "%.3f", shares[shares.count / 2])
                words.append("fence_share_p50=\(median)")
            }
            if !planned.isEmpty {
                words.append("planned_runs=\(planned.count)")
                words += Self.summaryWords("planned", planned)
            }
            words += ["double_active=\(doubleActive)", "readings=\(readings)"]
            return "bench failover: " + words.joined(separator: " ")
        }

        /// The guards of the setting as words of its lines: `ping_targets=N`, `fence=KIND`; none without guards.
        public var guardWords: [String] {
            var words: [String] = []
            if !guards.pingTargets.isEmpty { words.append("ping_targets=\(guards.pingTargets.count)") }
            if let fence = guards.fence { words.append("fence=\(Self.fenceName(fence))") }
            return words
        }

        static func fenceName(_ fence: LabGuardSettings.Fence) -> String {
            switch fence {
            case .sshToFenceHost: "ssh-fence-host"
            case .sshToPeer: "ssh-peer"
            case .command: "command"
            }
        }

        static func summaryWords(_ name: String, _ samples: [Duration], maximum: Bool = true) -> [String] {
            guard let summary = LatencySummary(samples) else { return ["\(name)_p50_ms=-"] }
            return [
                "\(name)_p50_ms=\(summary.p50.wholeMilliseconds)", "\(name)_p95_ms=\(summary.p95.wholeMilliseconds)",
            ]
                + (maximum ? ["\(name)_max_ms=\(summary.max.wholeMilliseconds)"] : [])
        }
    }

    /// The benchmark's last line, from the setting at deadtime 1 s (`standard`, which also ran the planned
    /// switchovers) and the one at 600 ms (`fast`): `bench failover: unplanned_p50_s=… unplanned_p95_s=… floor_s=…
    /// fast_p50_s=… fast_p95_s=… fast_floor_s=… planned_p50_s=… double_active=…`, after the guards' words
    /// (`ping_targets=1 `, `fence=command `) when the settings had guards.
    public static func summaryLine(standard: Result, fast: Result) -> String {
        let unplanned = LatencySummary(standard.unplanned)
        let fastUnplanned = LatencySummary(fast.unplanned)
        let planned = LatencySummary(standard.planned + fast.planned)
        return "bench failover: " + standard.guardWords.map { $0 + " " }.joined()
            + "unplanned_p50_s=\(seconds(unplanned?.p50)) unplanned_p95_s=\(seconds(unplanned?.p95)) "
            + "floor_s=\(seconds(standard.floor)) fast_p50_s=\(seconds(fastUnplanned?.p50)) "
            + "fast_p95_s=\(seconds(fastUnplanned?.p95)) fast_floor_s=\(seconds(fast.floor)) "
            + "planned_p50_s=\(seconds(planned?.p50)) double_active=\(standard.doubleActive + fast.doubleActive)"
    }

    /// Seconds with three decimals, `-` for none.
    static func seconds(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        return String(format: "%.3f", Double(duration.wholeMilliseconds) / 1_000)
    }

    /// Runs the setting in `lab`, a fresh lab with nothing started; leaves both agents running.
    public func run(in lab: Lab, report: (String) -> Void = { _ in }) async throws -> Result {
        try await lab.prepareServiceData()
        let starts = try await lab.timeBarePostgresStarts(on: .b, runs: floorRuns)
        report("bare pg_ctl start -w of pollux's copy (ms): \(starts.map { "\($0.wholeMilliseconds)" })")
        if guards.fence != nil {
            try await lab.prepareFencing()
        }
        try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: timings, guards: guards))
        for node in LabNode.allCases {
            try await lab.startAgent(on: node)
        }
        try await settle(lab: lab, active: .a)
        let responder = guards.fence == nil ? nil : lab.startFenceResponder()
        let outcome = await measureRounds(lab: lab, active: .a, report: report)
        _ = await responder?.stop()
        let (measured, fences) = try outcome.get()
        let samples = measured.samples
        for moment in samples.doubleActiveMoments {
            report("double active at \(moment.time.formatted(.iso8601)): \(moment.node.name) and its peer held it")
        }
        var result = Result(
            timings: timings, unplanned: measured.result.0, postgresStarts: starts, planned: measured.result.1,
            doubleActive: samples.doubleActiveCount, readings: samples.readings.count)
        result.guards = guards
        result.fences = fences
        return result
    }

    private typealias Measured = (result: ([Duration], [Duration]), samples: AddressHolderSamples)

    /// The unplanned, then the planned rounds, while a sampler watches who holds the service address; a failure is
    /// returned, so that the caller stops the fence responder first.
    private func measureRounds(lab: Lab, active first: LabNode, report: (String) -> Void) async
        -> Swift.Result<(Measured, [Duration]), any Error>
    {
        var active = first
        var fences: [Duration] = []
        do {
            let measured = try await lab.samplingAddressHolders {
                var unplanned: [Duration] = []
                for index in 0..<rounds {
                    let logStart = AgentLogLine.endOffset(ofFile: lab.agentLogFile(of: active.peer))
                    let outage = try await unplannedRound(lab: lab, active: active, report: report)
                    let fence =
                        guards.fence == nil ? nil : Self.fenceDuration(lab: lab, node: active.peer, from: logStart)
                    report(
                        "unplanned \(index + 1)/\(rounds): \(describe(outage, from: active))"
                            + (fence.map { ", fence \($0.wholeMilliseconds) ms" } ?? ""))
                    unplanned.append(outage.downtime)
                    if let fence { fences.append(fence) }
                    active = active.peer
                }
                var planned: [Duration] = []
                for index in 0..<plannedRounds {
                    let outage = try await plannedRound(lab: lab, active: active)
                    report("planned \(index + 1)/\(plannedRounds): \(describe(outage, from: active))")
                    planned.append(outage.downtime)
                    active = active.peer
                }
                return (unplanned, planned)
            }
            return .success((measured, fences))
        } catch {
            return .failure(error)
        }
    }

    /// The duration of the fence `node`'s agent confirmed (its `peer fenced` line's `fence.duration_ms`) in the
    /// log lines written from `offset` on.
    static func fenceDuration(lab: Lab, node: LabNode, from offset: UInt64) -> Duration? {
        let lines = AgentLogLine.lines(inFile: lab.agentLogFile(of: node), from: offset).lines
        guard let line = lines.last(where: { $0.text.contains("peer fenced") }),
            let range = line.text.range(of: "fence.duration_ms=")
        else { return nil }
        let digits = line.text[range.upperBound...].prefix { $0.isNumber }
        return Int(digits).map { Duration.milliseconds($0) }
    }

    private func describe(_ outage: ServiceOutage, from old: LabNode) -> String {
        "\(old.name) → \(old.peer.name), downtime \(outage.downtime.wholeMilliseconds) ms"
            + (outage.gap.map { ", last old answer to first new \($0.wholeMilliseconds) ms" } ?? "")
            + ", \(outage.failedAttempts) failed attempts"
    }
}
