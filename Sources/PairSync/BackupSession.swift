import PairPostgres

/// The one libpq session of a round on the active: a temporary physical replication slot that keeps the WAL the
/// copy needs, `pg_backup_start` and `pg_backup_stop`.
///
/// A non-exclusive backup and a temporary slot both belong to the session: if the round fails or is killed, the
/// session ends and PostgreSQL aborts the backup and drops the slot by itself. Every libpq call runs on a thread of
/// its own (``OwnThread``), one at a time, so the connection is never used concurrently.
final class BackupSession: @unchecked Sendable {
    private let connection: PostgresConnection

    /// What `pg_backup_start` answered.
    struct Start: Sendable, Equatable {
        var position: WALPosition
        var walFile: String
        var segmentSize: UInt64
    }

    /// What `pg_backup_stop` answered.
    struct Stop: Sendable, Equatable {
        var position: WALPosition
        var walFile: String
        var backupLabel: String
        var tablespaceMap: String
    }

    private init(connection: PostgresConnection) {
        self.connection = connection
    }

    /// Connects with `conninfo` (which carries `passfile=`; never a password).
    static func open(conninfo: String) async throws(SyncError) -> BackupSession {
        let result = await OwnThread.run {
            Result { () throws(PostgresError) in BackupSession(connection: try PostgresConnection(conninfo: conninfo)) }
        }
        switch result {
        case .success(let session): return session
        case .failure(let error):
            throw SyncError(.postgresFailed, "cannot connect to the active's PostgreSQL (pg_conninfo): \(error)")
        }
    }

    /// Creates the temporary slot `slot` reserving WAL now, then starts the backup with a fast checkpoint.
    func begin(label: String, slot: String) async throws(SyncError) -> Start {
        let segmentSize = try await call("checking the server") { connection throws(PostgresError) in
            let facts = try connection.query(
                "SELECT pg_is_in_recovery()::text, setting FROM pg_settings WHERE name = 'wal_segment_size'")
            guard facts.rows.first?.first == "false" else {
                throw PostgresError(
                    code: .queryFailed, message: "the server is in recovery; only the active node's primary syncs")
            }
            guard let text = facts.value(row: 0, column: "setting"), let size = UInt64(text) else {
                throw PostgresError(code: .queryFailed, message: "the server did not report wal_segment_size")
            }
            return size
        }
        try await call("creating the temporary replication slot") { connection throws(PostgresError) in
            try connection.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot])
        }
        let start = try await call("pg_backup_start") { connection throws(PostgresError) in
            try connection.query(
                "SELECT lsn::text, pg_walfile_name(lsn) AS file FROM pg_backup_start($1, true) AS lsn", [label])
        }
        guard let position = start.value(row: 0, column: "lsn").flatMap(WALPosition.init),
            let file = start.value(row: 0, column: "file")
        else { throw SyncError(.postgresFailed, "pg_backup_start answered no position") }
        return Start(position: position, walFile: file, segmentSize: segmentSize)
    }

    /// Stops the backup without waiting for WAL archiving (the round copies the WAL itself).
    func finish() async throws(SyncError) -> Stop {
        let stop = try await call("pg_backup_stop") { connection throws(PostgresError) in
            try connection.query(
                "SELECT lsn::text, pg_walfile_name(lsn) AS file, labelfile, spcmapfile FROM pg_backup_stop(false)")
        }
        guard let position = stop.value(row: 0, column: "lsn").flatMap(WALPosition.init),
            let file = stop.value(row: 0, column: "file"),
            let label = stop.value(row: 0, column: "labelfile")
        else { throw SyncError(.postgresFailed, "pg_backup_stop answered no position or backup_label") }
        return Stop(
            position: position, walFile: file, backupLabel: label,
            tablespaceMap: stop.value(row: 0, column: "spcmapfile") ?? "")
    }

    /// Ends the session: PostgreSQL drops the temporary slot (and aborts a backup still running).
    func close() async {
        let box = UncheckedBox(connection)
        await OwnThread.run { box.value.close() }
    }

    @discardableResult
    private func call<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (PostgresConnection) throws(PostgresError) -> T
    ) async throws(SyncError) -> T {
        let box = UncheckedBox(connection)
        let result = await OwnThread.run {
            Result { () throws(PostgresError) in try body(box.value) }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw SyncError(.postgresFailed, "\(what) failed: \(error)")
        }
    }
}

/// Carries the session's connection to the thread that uses it; the session uses it from one thread at a time.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
