import Foundation
import PairCore
import Testing

@testable import PairAgent
@testable import PairSync

/// The `sync` object of `status --json` (docs/status-json.md) and how the agent fills it.
@Suite struct SyncStatusTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func record(_ outcome: SyncRecord.Outcome, finishedSecondsAgo: Double, duration: Double = 40) -> SyncRecord {
        let finished = now.addingTimeInterval(-finishedSecondsAgo)
        return SyncRecord(
            method: "rsync", round: "r", outcome: outcome, startedAt: finished.addingTimeInterval(-duration),
            finishedAt: finished, bytesSent: 1000, bytesReceived: 234)
    }

    static func snapshot(startedSecondsAgo: Double, completedSecondsAgo: Double) -> Snapshot {
        let position = WALPosition(0x1_0000_0028)
        return Snapshot(
            name: "snapshot-20261121T103002Z-000042", path: "/s/snapshot-20261121T103002Z-000042", sequence: 42,
            marker: SnapshotMarker(
                round: "r42", node: "pollux", epoch: 3, label: "pgpair r42", startPosition: position,
                stopPosition: position, walFiles: ["000000010000000000000001"], walSegmentSize: 16 << 20,
                startedAt: now.addingTimeInterval(-startedSecondsAgo),
                completedAt: now.addingTimeInterval(-completedSecondsAgo)))
    }

    @Test("every field is present, absent ones null; last_success RFC 3339 UTC; units in the names")
    func encoding() throws {
        let status = SyncStatus(
            method: "rsync", state: .idle, lastSuccess: Date(timeIntervalSince1970: 1_795_000_000),
            lastDurationSeconds: 41.23456, lastBytes: 1234, ageSeconds: 312, diskUsedBytes: nil, diskFreeBytes: 99)
        let object = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder.status.encode(status)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "method", "state", "last_success", "last_duration_s", "last_bytes", "age_s", "disk_used_bytes",
                "disk_free_bytes",
            ])
        #expect(object["method"] as? String == "rsync")
        #expect(object["state"] as? String == "idle")
        #expect(object["last_success"] as? String == "2026-11-18T11:06:40Z")
        #expect(object["last_duration_s"] as? Double == 41.235)
        #expect(object["last_bytes"] as? Int == 1234)
        #expect(object["age_s"] as? Int == 312)
        #expect(object["disk_used_bytes"] is NSNull)
        #expect(object["disk_free_bytes"] as? Int == 99)
        let decoded = try JSONDecoder().decode(SyncStatus.self, from: JSONEncoder.status.encode(status))
        #expect(decoded.lastSuccess == status.lastSuccess && decoded.state == .idle && decoded.ageSeconds == 312)
    }

    @Test("a disabled node: method null, state disabled, every other field null")
    func disabled() throws {
        let text = String(decoding: try JSONEncoder.status.encode(SyncStatus.disabled), as: UTF8.self)
        #expect(
            text == """
                {
                  "age_s" : null,
                  "disk_free_bytes" : null,
                  "disk_used_bytes" : null,
                  "last_bytes" : null,
                  "last_duration_s" : null,
                  "last_success" : null,
                  "method" : null,
                  "state" : "disabled"
                }
                """)
    }

    @Test("status carries `sync` when the agent set it (null otherwise), and decodes without it from an older agent")
    func inNodeStatus() throws {
        var status = NodeStatus(
            node: "castor", role: .active, blockedReason: nil, blockNeedsOperator: false, epoch: 2, generation: 4,
            protocolVersion: 1,
            peer: PeerStatus(node: "pollux", state: .up, role: .standby, epoch: 2, links: [], rejected: .init()))
        let without = try JSONSerialization.jsonObject(with: JSONEncoder.status.encode(status)) as? [String: Any]
        // Absent is null, never omitted (the contract).
        #expect(without?["sync"] is NSNull)
        status.sync = SyncStatus(method: "rsync", state: .running, ageSeconds: 7)
        let data = try JSONEncoder.status.encode(status)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((object?["sync"] as? [String: Any])?["state"] as? String == "running")
        #expect(try JSONDecoder().decode(NodeStatus.self, from: data) == status)
        #expect(status.table().contains("sync: rsync running, no successful round yet, copy age 7 s\n"))
    }

    @Test("the standby: age from its newest snapshot's round start; the last success from the snapshot")
    func standbyReport() {
        let report = SyncStatusReport(
            method: .rsync, lockHeld: false, lastRound: nil, lastSuccess: nil,
            newestSnapshot: Self.snapshot(startedSecondsAgo: 300.7, completedSecondsAgo: 250), runsPostgres: false,
            peerCopy: SyncStamp(startedAt: 0, finishedAt: 0, epoch: 1), diskUsedBytes: 10, diskFreeBytes: 20)
        let status = report.status(now: Self.now)
        #expect(status.state == .idle)
        #expect(status.ageSeconds == 300)
        #expect(status.lastSuccess == Self.now.addingTimeInterval(-250))
        #expect(status.lastDurationSeconds.map { abs($0 - 50.7) < 0.001 } == true)
        #expect(status.lastBytes == nil)
        #expect(status.diskUsedBytes == 10 && status.diskFreeBytes == 20)
        #expect(
            report.copyStamp(epoch: 9)
                == SyncStamp(startedAt: 1_794_999_699_300, finishedAt: 1_794_999_750_000, epoch: 3))
    }

    @Test("the active: age from the peer's heartbeat copy; a failed last round shows failed, the last success kept")
    func activeReport() {
        let peerCopyStart = Int64(Self.now.timeIntervalSince1970 * 1000) - 61_500
        let report = SyncStatusReport(
            method: .rsync, lockHeld: false, lastRound: Self.record(.failed, finishedSecondsAgo: 5),
            lastSuccess: Self.record(.succeeded, finishedSecondsAgo: 60), newestSnapshot: nil, runsPostgres: true,
            peerCopy: SyncStamp(startedAt: peerCopyStart, finishedAt: peerCopyStart + 40_000, epoch: 4),
            diskUsedBytes: nil, diskFreeBytes: nil)
        let status = report.status(now: Self.now)
        #expect(status.state == .failed)
        #expect(status.ageSeconds == 61)
        #expect(status.lastSuccess == Self.now.addingTimeInterval(-60))
        #expect(status.lastDurationSeconds == 40)
        #expect(status.lastBytes == 1234)
        #expect(report.copyStamp(epoch: 4)?.epoch == 4)
        #expect(
            SyncStatusReport(
                method: .rsync, lockHeld: true, lastRound: nil, lastSuccess: nil, newestSnapshot: nil,
                runsPostgres: true,
                peerCopy: nil
            ).status(now: Self.now).state == .running)
        #expect(
            SyncStatusReport(
                method: nil, lockHeld: true, lastRound: nil, lastSuccess: nil, newestSnapshot: nil, runsPostgres: true,
                peerCopy: nil
            ).status(now: Self.now) == .disabled)
    }

    @Test("a failed round as the active no longer counts once a newer snapshot has arrived as the standby")
    func failedThenNewerCopy() {
        var report = SyncStatusReport(
            method: .rsync, lockHeld: false, lastRound: Self.record(.failed, finishedSecondsAgo: 3600),
            lastSuccess: nil, newestSnapshot: Self.snapshot(startedSecondsAgo: 400, completedSecondsAgo: 360),
            runsPostgres: false, peerCopy: nil)
        #expect(report.status(now: Self.now).state == .idle)
        report.lastRound = Self.record(.failed, finishedSecondsAgo: 10)
        #expect(report.status(now: Self.now).state == .failed)
    }
}
