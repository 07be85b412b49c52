import Foundation

/// A published snapshot: a complete data directory under `snapshot_dir`, named
/// `snapshot-YYYYMMDDTHHMMSSZ-NNNNNN` (the UTC time it was published and a sequence number that only grows).
public struct Snapshot: Sendable, Equatable {
    /// The directory's name.
    public var name: String
    /// Its full path.
    public var path: String
    /// The sequence number in its name; the newest snapshot has the highest.
    public var sequence: Int
    /// Its completion marker: which backup, which WAL, whose data.
    public var marker: SnapshotMarker

    /// Everything committed before this moment is in the snapshot (its round's start): `status`'s `age_s` is the
    /// time since, the data a failover onto this snapshot would lose.
    public var dataAsOf: Date { marker.startedAt }

    /// The name prefix of every snapshot; nothing else under `snapshot_dir` is ever taken for one.
    public static let namePrefix = "snapshot-"

    /// The name of snapshot `sequence` published at `date`.
    static func name(sequence: Int, publishedAt date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC")!, from: date)
        func digits(_ value: Int?, _ count: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        let stamp =
            digits(components.year, 4) + digits(components.month, 2) + digits(components.day, 2) + "T"
            + digits(components.hour, 2) + digits(components.minute, 2) + digits(components.second, 2) + "Z"
        return namePrefix + stamp + "-" + digits(sequence, 6)
    }

    /// The sequence number of a snapshot's name; nil when `name` is not one.
    static func sequence(ofName name: String) -> Int? {
        guard name.hasPrefix(namePrefix) else { return nil }
        let rest = name.dropFirst(namePrefix.count)
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 16, parts[0].dropLast().allSatisfy({ $0.isNumber || $0 == "T" }),
            parts[0].last == "Z", parts[1].count >= 6, parts[1].allSatisfy(\.isNumber)
        else { return nil }
        return Int(parts[1])
    }
}
