import Foundation
import PairLab
import Testing

/// Issue 7 in the lab: both agents sync with rsync (the active pushes into the peer's `pgpair-staging` module over the
/// primary link), a writer commits numbered rows through the service address, one `pgpair sync` round completes on
/// the active, and the active dies (`SyncFailoverScenario`). The tests assert what happened — which rows the new
/// active holds, who held the address, what `status` said — never how fast; every wait is a generous bound.
@Suite(.serialized)
struct SyncEndToEnd {
    @Test func noRowCommittedBeforeACompletedRoundIsLostWhenTheActiveDies() async throws {
        try await Lab.with { lab in
            let outcome = try await SyncFailoverScenario(timings: ServicePair.timings).run(in: lab)
            let summary = "rows before the round 1…\(outcome.highestRowBeforeRound), missing \(outcome.missingRows)"

            #expect(outcome.highestRowBeforeRound > 0, "the writer committed rows before the round: \(summary)")
            #expect(outcome.lostRowsCommittedBeforeRound.isEmpty, "\(summary)")
            // The table did not exist when pollux got its cold copy: rows on pollux came with the installed snapshot.
            let onPollux = Set(outcome.committedRows).subtracting(outcome.missingRows)
            #expect(onPollux.contains(outcome.highestRowBeforeRound), "\(summary)")
            let timeline = outcome.timeline.lines.joined(separator: "\n")
            #expect(outcome.timeline.first("copy installed") != nil, "\(timeline)")

            #expect(outcome.samples.doubleActiveCount == 0, "\(outcome.samples.summary)")
            #expect(outcome.samples.holding(.b).isEmpty == false, "\(outcome.samples.summary)")
            #expect(outcome.newActiveStatus.role == "active", "\(outcome.newActiveStatus.json)")
            let report = try await lab.probe(lab.topology.serviceAddress.address)
            #expect(report.ok && report.clusterName == LabNode.b.name, "\(report)")
            #expect(report.inRecovery == false, "\(report)")

            // Before the fault, pollux's status showed the completed round in its `sync` object.
            let sync = outcome.standbySyncBeforeFault
            #expect(sync.method == "rsync" && sync.state != .failed, "\(sync)")
            #expect(sync.lastSuccess != nil, "\(sync)")
            #expect(sync.ageSeconds != nil, "pollux has a copy, so what a failover loses is known: \(sync)")
            #expect(outcome.activeSyncBeforeFault?.ageSeconds != nil, "castor heard of pollux's copy")
        }
    }
}
