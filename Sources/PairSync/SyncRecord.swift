import Foundation

/// What one round did, as kept in `state_dir` and shown in `status`: when it ran, how long it took, how many bytes
/// moved and how it ended.
public struct SyncRecord: Sendable, Equatable, Codable {
    /// How a round ended.
    public enum Outcome: String, Sendable, Equatable, Codable {
        case succeeded
        case failed
    }

    /// `rsync` or `pg_dumpall`.
    public var method: String
    /// The round's identifier (also in the backup label and the snapshot's marker).
    public var round: String
    public var outcome: Outcome
    /// The `SyncError` code when it failed.
    public var errorCode: String?
    /// What went wrong, when it failed.
    public var message: String?
    public var startedAt: Date
    public var finishedAt: Date
    /// Bytes rsync sent and received over every transfer of the round (what crossed the link).
    public var bytesSent: Int64
    public var bytesReceived: Int64
    /// The size of the files whose content had to be sent (rsync's "Total transferred file size").
    public var transferredFileBytes: Int64
    /// The backup's WAL start and stop, when the round got that far.
    public var startPosition: WALPosition?
    public var stopPosition: WALPosition?

    /// A record.
    public init(
        method: String, round: String, outcome: Outcome, errorCode: String? = nil, message: String? = nil,
        startedAt: Date, finishedAt: Date, bytesSent: Int64 = 0, bytesReceived: Int64 = 0,
        transferredFileBytes: Int64 = 0, startPosition: WALPosition? = nil, stopPosition: WALPosition? = nil
    ) {
        self.method = method
        self.round = round
        self.outcome = outcome
        self.errorCode = errorCode
        self.message = message
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.bytesSent = bytesSent
        self.bytesReceived = bytesReceived
        self.transferredFileBytes = transferredFileBytes
        self.startPosition = startPosition
        self.stopPosition = stopPosition
    }

    /// Bytes over the link in both directions (`status`'s `last_bytes`).
    public var bytes: Int64 { bytesSent + bytesReceived }

    /// How long the round took, in seconds.
    public var durationSeconds: Double {
        finishedAt.timeIntervalSince(startedAt)
    }

    /// The file name under `state_dir` the last round's record is kept in.
    public static let stateFileName = "sync-last-round.json"

    /// The record as JSON text, for `StateFile.writeDurably`.
    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Decodes a record; nil when `text` is not one.
    public static func decode(_ text: String) -> SyncRecord? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SyncRecord.self, from: Data(text.utf8))
    }
}
