import Foundation
import PairLab
import Testing

/// A planned switchover without loss, in the lab: both agents sync with rsync and may read the peer's data directory
/// (`rsync_source`, the peer's read-only `pgpair-data` module); a writer commits numbered rows through the service
/// address; one round completes and the writer goes on; then `pgpair standby` on the active stops its PostgreSQL
/// cleanly and releases the group, and the peer takes it in the handshake — starting on the old active's data
/// directory, not on its older snapshot. The test asserts what happened, never how fast.
@Suite(.serialized)
struct SwitchoverEndToEnd {
    static let limit: Duration = .seconds(60)

    @Test func noCommittedRowIsLostInAPlannedSwitchover() async throws {
        try await Lab.with { lab in
            let configuration = AgentLabConfiguration(
                timings: ServicePair.timings, service: LabServiceSettings(sync: LabSyncSettings(pullFromPeer: true)))
            try await lab.prepareServiceData()
            try await lab.writeAgentConfiguration(configuration)
            try await lab.checkAgentConfiguration()
            try await lab.startSyncDaemons(for: configuration)
            for node in LabNode.allCases {
                try await lab.startAgent(on: node)
            }
            try await lab.waitForSettledPair(active: .a, within: Self.limit)
            try await ServicePair.waitForService(from: .a, in: lab)

            let writer = try await lab.startRowWriter(every: .milliseconds(20))
            try await writer.waitForRows(10, within: Self.limit)
            try await lab.runSyncRound(on: .a)
            let afterRound = writer.committedRows().count
            // Rows the round did not copy: only castor's data directory holds them when it stops.
            try await writer.waitForRows(afterRound + 50, within: Self.limit)
            let logStart = AgentLogLine.endOffset(ofFile: lab.agentLogFile(of: .b))

            let (_, samples) = try await lab.samplingAddressHolders {
                let standby = try await lab.pgpairCommand(
                    ["standby", "--timeout", "90"], on: .a, timeout: .seconds(120))
                #expect(standby.succeeded, "\(standby.standardOutput)\(standby.standardError)")
                try await lab.waitFor("pollux active", on: .b, within: Self.limit) { $0.role == "active" }
                try await ServicePair.waitForService(from: .b, in: lab)
            }
            #expect(samples.doubleActiveCount == 0, "\(samples.summary)")
            #expect(samples.holdersAtEnd == [.b], "\(samples.summary)")
            try await writer.waitForRows(writer.committedRows().count + 10, within: Self.limit)
            await writer.stop()

            let committed = writer.committedRows()
            let missing = try await lab.missingRows(of: writer, on: .b)
            #expect(committed.count > afterRound + 50)
            #expect(missing.isEmpty, "pollux lost \(missing.count) of \(committed.count) rows: \(missing.prefix(20))")
            let lines = AgentLogLine.lines(inFile: lab.agentLogFile(of: .b), from: logStart).lines
            let installed = lines.contains { $0.text.contains("installed the peer's data directory") }
            #expect(installed, "pollux started on castor's data directory: \(lines.suffix(30).map(\.text))")
            let status = try await lab.status(of: .a)
            #expect(status.role == "standby" && status.peer.role == "active", "castor: \(status.json)")
        }
    }
}
