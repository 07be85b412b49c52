import Foundation

/// What a data directory's control file (`global/pg_control`) says, as `pg_controldata` prints it: how the cluster
/// ended and where its latest checkpoint is.
///
/// Read through `pg_controldata` (run with `LC_ALL=C`, so the labels are English) rather than by decoding
/// `pg_control` here: the file's layout belongs to each PostgreSQL version, and the tool checks its CRC.
public struct DataDirectoryControlData: Sendable, Equatable {
    /// `Database cluster state`: `shut down`, `shut down in recovery`, `in production`, `in crash recovery`, …
    public var clusterState: String
    /// `Latest checkpoint location`.
    public var checkpoint: WALPosition
    /// `Latest checkpoint's REDO location`.
    public var redo: WALPosition

    /// The values.
    public init(clusterState: String, checkpoint: WALPosition, redo: WALPosition) {
        self.clusterState = clusterState
        self.checkpoint = checkpoint
        self.redo = redo
    }

    /// True when the cluster wrote a shutdown checkpoint as it stopped: its data ends at `checkpoint`.
    public var isShutDown: Bool {
        clusterState == "shut down" || clusterState == "shut down in recovery"
    }

    /// Reads `pg_controldata`'s output; nil when a line is missing or the tool warned that the CRC does not match
    /// (the values cannot be trusted).
    public static func parse(_ output: String) -> DataDirectoryControlData? {
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            if line.hasPrefix("WARNING") { return nil }
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let state = values["Database cluster state"],
            let checkpoint = values["Latest checkpoint location"].flatMap(WALPosition.init),
            let redo = values["Latest checkpoint's REDO location"].flatMap(WALPosition.init)
        else { return nil }
        return DataDirectoryControlData(clusterState: state, checkpoint: checkpoint, redo: redo)
    }

    /// Runs `pg_controldata` (from `binDirectory`, else found through `PATH`) on `dataDirectory`. Throws
    /// `.invalidSnapshot` when the control file cannot be read or does not check out.
    static func read(_ dataDirectory: String, binDirectory: String?) async throws(SyncError) -> Self {
        let program = binDirectory.map { "\($0)/pg_controldata" } ?? "pg_controldata"
        let outcome = try await ChildProcess().run(
            ChildProcess.Command(
                executable: program, arguments: [dataDirectory], environment: ["LC_ALL": "C"], timeout: .seconds(30)))
        guard outcome.exitStatus == 0, let data = parse(outcome.output) else {
            throw SyncError(
                .invalidSnapshot, "cannot read the control file of \(dataDirectory): \(outcome.summary)")
        }
        return data
    }
}
