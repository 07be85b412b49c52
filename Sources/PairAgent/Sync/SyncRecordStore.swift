import PairSync

/// The records of rounds in `state_dir`: the last round (`sync-last-round.json`, whatever its outcome) and the
/// last successful one (`sync-last-success.json`), each written durably.
public struct SyncRecordStore: Sendable {
    /// The file that keeps the last successful round, so that a failed round does not hide when the copy was
    /// last made.
    public static let lastSuccessFileName = "sync-last-success.json"

    /// `state_dir`.
    public var directory: String

    /// The store in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    var lastRoundPath: String { "\(directory)/\(SyncRecord.stateFileName)" }
    var lastSuccessPath: String { "\(directory)/\(Self.lastSuccessFileName)" }

    /// Records `record` as the last round, and as the last success when it succeeded.
    public func save(_ record: SyncRecord) throws(StateFile.Failure) {
        try StateFile.ensureDirectory(directory)
        try StateFile.writeDurably(lastRoundPath, text: record.encoded())
        if record.outcome == .succeeded {
            try StateFile.writeDurably(lastSuccessPath, text: record.encoded())
        }
    }

    /// The last round; nil when none is recorded or the file does not read as a record.
    public func lastRound() -> SyncRecord? {
        ((try? StateFile.read(lastRoundPath)) ?? nil).flatMap(SyncRecord.decode)
    }

    /// The last successful round.
    public func lastSuccess() -> SyncRecord? {
        ((try? StateFile.read(lastSuccessPath)) ?? nil).flatMap(SyncRecord.decode)
    }
}
