import Foundation
import Logging
import PairCore
import PairSync
import Testing

@testable import PairAgent

/// The parts of a round that come before the transfer: the free-disk check and the record it leaves.
@Suite struct SyncRoundRunnerTests {
    /// castor's configuration, with its files in `directory`.
    static func configuration(in directory: String) throws -> PairConfiguration {
        try FileManager.default.createDirectory(atPath: "\(directory)/pgdata", withIntermediateDirectories: true)
        try """
        node castor
        node pollux
        ucast lo 198.18.0.2
        pgdata \(directory)/pgdata
        state_dir \(directory)/state
        sync_lockfile \(directory)/sync.lock
        sync_method rsync
        rsync_target rsync://pgpair@192.0.2.2/pgpair-staging
        snapshot_dir \(directory)/snapshots

        """.write(toFile: "\(directory)/ha.cf", atomically: false, encoding: .utf8)
        try "castor pgsql\n".write(toFile: "\(directory)/haresources", atomically: false, encoding: .utf8)
        try "auth 1\n1 sha256 0123456789abcdef0123456789abcdef\n".write(
            toFile: "\(directory)/authkeys", atomically: false, encoding: .utf8)
        chmod("\(directory)/authkeys", 0o600)
        let outcome = ConfigurationLoader.load(configDirectory: directory, nodeName: "castor")
        return try #require(outcome.configuration, "\(outcome.diagnostics.map(\.rendered))")
    }

    @Test("below the free-disk floor the round fails before it starts, and the failure is recorded")
    func diskFloor() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-runner-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = try Self.configuration(in: directory)
        var runner = SyncRoundRunner(configuration: configuration, logger: Logger(label: "test"))
        runner.minimumFree = .max

        let outcome = await runner.run(epoch: 3, peerEpoch: nil)
        guard case .finished(let record, recordError: nil) = outcome else {
            Issue.record("expected a recorded round, got \(outcome)")
            return
        }
        #expect(record.outcome == .failed)
        #expect(record.errorCode == "insufficient_disk")
        #expect(record.message?.contains("free on the file system of \(directory)/pgdata") == true)
        let store = SyncRecordStore(directory: "\(directory)/state")
        // The file keeps times to the second.
        #expect(store.lastRound()?.round == record.round)
        #expect(store.lastRound()?.errorCode == "insufficient_disk")
        #expect(store.lastSuccess() == nil)
        // The lock was released: the next round can take it (a moment late at worst, while another test's forked
        // child still shares the lock file until its exec).
        var taken = false
        for _ in 0..<100 where !taken {
            if let lock = try? SyncLock(path: "\(directory)/sync.lock") {
                lock.release()
                taken = true
            } else {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        #expect(taken)
        // With the usual floor there is room here.
        #expect(SyncRoundRunner(configuration: configuration, logger: Logger(label: "test")).diskShortage() == nil)
    }
}
