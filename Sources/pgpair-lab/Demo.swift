import ArgumentParser
import Foundation
import PairLab

/// `pgpair-lab demo` (`make demo`): issue 7's demonstration in a lab of its own (`SyncFailoverScenario`). The pair —
/// heartbeat over the heartbeat link and the serial pair, the group `castor 198.18.0.100/24/lan0 pgsql` on the LAN,
/// rsync sync — both nodes' `pgpair status`, a writer committing numbered rows through the service address, a sync
/// round, then node death of the active. It prints the takeover's timeline in milliseconds from the fault, the
/// client-observed downtime, and the committed rows lost next to the copy age `status` reported just before the
/// fault; then it tears the lab down. See docs/lab.md.
///
/// Exits 0 when the takeover kept its promises (no row committed before the round began lost, no sampled moment with
/// both nodes holding the service address), 1 otherwise or when a step failed.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A two-node pair with rsync sync; kill the active; print the takeover's timeline and the data lost."
    )

    func run() async throws {
        PgpairLab.bootstrapLogging(level: .warning)
        let scenario = SyncFailoverScenario()
        let started = ContinuousClock.now
        let outcome = try await Lab.with { lab in
            say(Self.describe(lab: lab, scenario: scenario))
            let outcome = try await scenario.run(in: lab) { say("- \($0)") }
            say("")
            say(Self.report(outcome, lab: lab))
            say("tearing the lab down")
            return outcome
        }
        let seconds = Double((ContinuousClock.now - started).components.seconds)
        say(
            "demo done in \(Int(seconds)) s; the lab is gone "
                + "(namespaces, processes, \(LabPaths.defaultBase)/\(LabPaths.rootPrefix)*)")
        guard outcome.lostRowsCommittedBeforeRound.isEmpty, outcome.samples.doubleActiveCount == 0 else {
            throw ExitCode.failure
        }
    }

    /// One or more lines on standard output, written at once (unbuffered, so they show as the demo goes).
    private func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// The pair as configured.
    static func describe(lab: Lab, scenario: SyncFailoverScenario) -> String {
        let topology = lab.topology
        let configuration = scenario.configuration
        let links = (try? lab.agentLinks(of: .a, configuration: configuration))?.joined(separator: " and ") ?? "-"
        let group = configuration.haresources(topology: topology).split(separator: "\n").last.map(String.init) ?? "-"
        return """
            pgpair demo: a two-node pair in network namespaces (lab run \(topology.runID))
              castor: LAN \(topology.lanAddress(.a).address), primary link \(topology.primaryAddress(.a).address), \
            heartbeat link \(topology.heartbeatAddress(.a).address)
              pollux: LAN \(topology.lanAddress(.b).address), primary link \(topology.primaryAddress(.b).address), \
            heartbeat link \(topology.heartbeatAddress(.b).address)
              heartbeat (castor's ha.cf): \(links); \(configuration.timings)
              haresources: \(group)
              sync: rsync, the active pushes to \(LabSyncSettings.rsyncTarget(for: .a, topology: topology)) \
            (pollux's snapshot_dir), rounds by `pgpair sync`
              client: \(topology.clientAddress.address), through the service address \
            \(topology.serviceAddress.address)
            """
    }

    /// Everything the scenario saw, for the terminal.
    static func report(_ outcome: SyncFailoverScenario.Outcome, lab: Lab) -> String {
        var lines: [String] = []
        for node in LabNode.allCases {
            lines.append("pgpair status on \(node.name), before the round:")
            lines += (outcome.statusTables[node] ?? "").split(separator: "\n").map { "  \($0)" }
        }
        lines.append("pgpair sync on castor: \(outcome.roundOutput.trimmingCharacters(in: .whitespacesAndNewlines))")
        let standby = outcome.standbySyncBeforeFault
        lines.append(
            "pollux's status just before the fault: sync \(standby.state.rawValue), last_success "
                + "\(standby.lastSuccess.map { $0.formatted(.iso8601) } ?? "null"), age_s \(text(standby.ageSeconds))"
                + ", last_duration_s \(standby.lastDurationSeconds.map { "\($0)" } ?? "null")")
        if let active = outcome.activeSyncBeforeFault {
            lines.append(
                "castor's status just before the fault: age_s \(text(active.ageSeconds)) (from pollux's heartbeat)")
        }
        lines.append("")
        lines.append("failover timeline (ms from the fault; pollux's agent log, the client's watch):")
        lines += outcome.timeline.lines
        lines.append("")
        let outage = outcome.outage
        lines.append(
            "client-observed downtime: \(outage.downtime.wholeMilliseconds) ms (fault to the first connection served "
                + "by pollux through \(lab.topology.serviceAddress.address); \(outage.failedAttempts) failed attempts)")
        let missing = outcome.missingRows
        lines.append(
            "committed rows lost: \(missing.count) of \(outcome.committedRows.count) (\(ranges(missing))), next to "
                + "the copy age status reported just before the fault: \(text(standby.ageSeconds)) s")
        lines.append(
            "rows committed before the round began (1…\(outcome.highestRowBeforeRound)) lost: "
                + "\(outcome.lostRowsCommittedBeforeRound.count)")
        lines.append(
            "both nodes holding the service address: \(outcome.samples.doubleActiveCount) of "
                + "\(outcome.samples.readings.count) sampled readings")
        let status = outcome.newActiveStatus
        lines.append("pollux now: \(status.role), epoch \(status.epoch), peer \(status.peer.state.rawValue)")
        return lines.joined(separator: "\n")
    }

    static func text(_ value: Int64?) -> String {
        value.map { "\($0)" } ?? "null"
    }

    /// `rows 4–9, 12` for [4, 5, 6, 7, 8, 9, 12]; `none` when empty.
    static func ranges(_ numbers: [Int]) -> String {
        guard var start = numbers.first else { return "none" }
        var parts: [String] = []
        var previous = start
        for number in numbers.dropFirst() + [Int.min] {
            if number == previous + 1 {
                previous = number
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = number
            previous = number
        }
        return "rows " + parts.joined(separator: ", ")
    }
}
