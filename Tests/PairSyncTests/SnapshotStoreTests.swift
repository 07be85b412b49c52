import Foundation
import PairTestSupport
import Testing

@testable import PairSync

/// Publishing and pruning on hand-made copies (the rounds' tests publish real ones).
@Suite("SnapshotStore")
struct SnapshotStoreTests {
    static let segmentSize: UInt64 = 1 << 20

    /// A staging copy that checks out, with its marker unless `marker` is false.
    static func makeStaging(in scratch: Scratch, round: String, marker: Bool = true, label: String? = nil) throws {
        let staging = "\(scratch.path)/staging"
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(staging)/global", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: "\(staging)/pg_wal", withIntermediateDirectories: true)
        try "15\n".write(toFile: "\(staging)/PG_VERSION", atomically: false, encoding: .utf8)
        try "control".write(toFile: "\(staging)/global/pg_control", atomically: false, encoding: .utf8)
        let backupLabel = "pgpair castor \(round)"
        try """
        START WAL LOCATION: 0/2000028 (file 000000010000000000000002)
        CHECKPOINT LOCATION: 0/2000060
        LABEL: \(label ?? backupLabel)

        """.write(toFile: "\(staging)/backup_label", atomically: false, encoding: .utf8)
        try Data(count: Int(segmentSize)).write(to: URL(fileURLWithPath: "\(staging)/pg_wal/000000010000000000000002"))
        guard marker else { return }
        let record = SnapshotMarker(
            round: round, node: "castor", epoch: 4, label: backupLabel, startPosition: WALPosition("0/2000028")!,
            stopPosition: WALPosition("0/2000100")!, walFiles: ["000000010000000000000002"],
            walSegmentSize: segmentSize, startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            completedAt: Date(timeIntervalSince1970: 1_800_000_010))
        try record.encoded().write(toFile: "\(staging)/\(SnapshotMarker.fileName)", atomically: false, encoding: .utf8)
    }

    @Test("a complete staging copy is published under the next name, given to pg_user, and latest points at it")
    func publishes() throws {
        let scratch = try Scratch("pgpair-synctest-store")
        defer { scratch.remove() }
        let store = SnapshotStore(directory: scratch.path, owner: "postgres")
        try Self.makeStaging(in: scratch, round: "r1")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let first = try #require(try store.publishStaging(keep: 2, now: now))
        #expect(first.name == "snapshot-20270115T080000Z-000001")
        #expect(first.marker.round == "r1")
        #expect(!FileManager.default.fileExists(atPath: store.stagingPath))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "\(scratch.path)/latest") == first.name)
        var status = stat()
        stat(first.path, &status)
        #expect(status.st_mode & 0o777 == 0o700 && status.st_uid == getpwnam("postgres")!.pointee.pw_uid)

        try Self.makeStaging(in: scratch, round: "r2")
        let second = try #require(try store.publishStaging(keep: 2, now: now))
        #expect(second.sequence == 2 && second.name.hasSuffix("-000002"))
        #expect(try store.snapshots() == [first, second] && store.newest() == second)
    }

    @Test("staging without its marker is left alone: nothing published, nothing touched")
    func incompleteStaging() throws {
        let scratch = try Scratch("pgpair-synctest-store")
        defer { scratch.remove() }
        let store = SnapshotStore(directory: scratch.path, owner: "postgres")
        #expect(try store.publishStaging(keep: 2) == nil)
        try Self.makeStaging(in: scratch, round: "r1", marker: false)
        #expect(try store.publishStaging(keep: 2) == nil)
        #expect(FileManager.default.fileExists(atPath: "\(store.stagingPath)/backup_label"))
        #expect(try store.snapshots().isEmpty)
    }

    @Test("a marker beside another backup's label, or beside a torn WAL segment, is refused")
    func mismatchedCopy() throws {
        let scratch = try Scratch("pgpair-synctest-store")
        defer { scratch.remove() }
        let store = SnapshotStore(directory: scratch.path, owner: "postgres")
        try Self.makeStaging(in: scratch, round: "r1", label: "pgpair castor an-older-round")
        #expect(throws: SyncError.self) { try store.publishStaging(keep: 2) }

        try Self.makeStaging(in: scratch, round: "r1")
        try Data(count: 4096).write(to: URL(fileURLWithPath: "\(store.stagingPath)/pg_wal/000000010000000000000002"))
        let error = #expect(throws: SyncError.self) { try store.publishStaging(keep: 2) }
        #expect(error?.code == .invalidSnapshot)
        #expect(try store.snapshots().isEmpty)
    }

    @Test("pruning keeps the newest `keep`, never the newest one, and touches nothing it did not make")
    func prunes() throws {
        let scratch = try Scratch("pgpair-synctest-store")
        defer { scratch.remove() }
        let store = SnapshotStore(directory: scratch.path, owner: "postgres")
        try FileManager.default.createDirectory(
            atPath: "\(scratch.path)/operator-notes", withIntermediateDirectories: false)
        var published: [Snapshot] = []
        for round in 1...4 {
            try Self.makeStaging(in: scratch, round: "r\(round)")
            published.append(try #require(try store.publishStaging(keep: 3)))
        }
        #expect(try store.snapshots() == Array(published.suffix(3)))
        #expect(try store.prune(keep: 0) == published[1...2].map(\.name))
        #expect(try store.snapshots() == [published[3]])
        #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/operator-notes"))
    }
}
