import Foundation

extension SnapshotMarker {
    /// The label prefix of a pg_dumpall round's marker.
    static let dumpallLabelPrefix = "pgpair pg_dumpall "

    /// The marker of a snapshot restored from a pg_dumpall of `node`'s cluster. There is no backup and no WAL:
    /// the label names the round, and the positions are the source's WAL positions read just before the dump
    /// started and just after it ended (everything committed before `start` is in the snapshot). The snapshot's
    /// own `pg_control` belongs to a different cluster (the staging cluster initdb made), so its checkpoint
    /// position says nothing about the source's data.
    static func dumpall(
        round: String, node: String, epoch: UInt64?, sourceStart: WALPosition, sourceStop: WALPosition,
        startedAt: Date, completedAt: Date
    ) -> SnapshotMarker {
        SnapshotMarker(
            round: round, node: node, epoch: epoch, label: "\(dumpallLabelPrefix)\(node) \(round)",
            startPosition: sourceStart, stopPosition: sourceStop, walFiles: [], walSegmentSize: 0,
            startedAt: startedAt, completedAt: completedAt)
    }

    /// Whether the snapshot was restored from a pg_dumpall (a logical copy: a cluster of its own, no WAL of the
    /// source's) rather than copied by an rsync round (a physical copy of the source's data directory).
    public var isDumpall: Bool {
        walFiles.isEmpty && label.hasPrefix(Self.dumpallLabelPrefix)
    }
}
