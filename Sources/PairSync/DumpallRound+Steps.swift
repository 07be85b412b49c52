import Foundation
import Logging
import PairPostgres

extension DumpallRound {
    /// The sequence of the type's documentation; throws at the first step that fails, after discarding the
    /// staging cluster.
    func perform(
        round: String, startedAt: Date, progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let programs = try DumpallPrograms(settings: settings)
        await Self.uncancelled {
            for leftover in DumpallStaging.leftovers(in: settings.snapshotDirectory, port: settings.stagingPort) {
                logger.info("removing the staging directory a cut-short round left: \(leftover.path)")
                await leftover.discard(programs)
            }
        }
        let staging = try DumpallStaging.create(
            in: settings.snapshotDirectory, port: settings.stagingPort, programs: programs)
        do {
            try await restore(
                round: round, startedAt: startedAt, into: staging, programs: programs, progress: &progress,
                logger: logger)
        } catch {
            await Self.uncancelled { await staging.discard(programs) }
            throw error
        }
        await Self.uncancelled { await staging.discard(programs) }
    }

    /// Steps 2 to 6, in the round's directory.
    private func restore(
        round: String, startedAt: Date, into staging: DumpallStaging, programs: DumpallPrograms,
        progress: inout Progress, logger: Logger
    ) async throws(SyncError) {
        let start = try await sourcePosition()
        progress.start = start
        // The staging cluster is made and started while the dump runs: neither needs the other, and the restore
        // waits for both. A failed dump still waits for the cluster's start to end, so that the caller's discard
        // finds it in a known state.
        async let prepared = Self.prepare(staging, programs: programs)
        let dumped: Result<Void, SyncError>
        do {
            try await dump(into: staging, programs: programs)
            dumped = .success(())
        } catch {
            dumped = .failure(error)
        }
        let autoConfResult = await prepared
        try dumped.get()
        progress.dumpBytes = try DumpallDumpFile.check(staging.dumpFile)
        let stop = try await sourcePosition()
        progress.stop = stop
        logger.info(
            "dump complete",
            metadata: [
                "sync.start_lsn": "\(start)", "sync.stop_lsn": "\(stop)", "sync.dump_bytes": "\(progress.dumpBytes)",
            ])

        let autoConf = try autoConfResult.get()
        let verdict = try await restoreDump(into: staging, programs: programs)
        for warning in verdict.warnings { logger.warning("restore: \(warning)") }
        guard verdict.accepted else {
            throw SyncError(
                .invalidSnapshot,
                "the restore into the staging cluster failed (\(verdict.failures.count) unexpected messages; the "
                    + "first: \(verdict.failures.prefix(3).joined(separator: " | "))); nothing published")
        }
        try await staging.stop(programs, autoConf: autoConf)

        let marker = SnapshotMarker.dumpall(
            round: round, node: settings.node, epoch: settings.epoch, sourceStart: start, sourceStop: stop,
            startedAt: startedAt, completedAt: Date())
        try writeMarker(marker, into: staging.dataDirectory, programs: programs)
        let snapshot = try SnapshotStore(directory: settings.snapshotDirectory, owner: settings.user)
            .publishDumpall(staging.dataDirectory, keep: settings.keep)
        logger.info("snapshot published", metadata: ["sync.snapshot": "\(snapshot.name)"])
    }

    /// initdb's the staging cluster and starts it; its original `postgresql.auto.conf`, for the stop to put back.
    private static func prepare(
        _ staging: DumpallStaging, programs: DumpallPrograms
    ) async -> Result<Data, SyncError> {
        do {
            try await staging.initialize(programs)
            return .success(try await staging.start(programs))
        } catch {
            return .failure(error)
        }
    }

    /// Runs pg_dumpall into the dump file; only exit status 0 is accepted.
    private func dump(into staging: DumpallStaging, programs: DumpallPrograms) async throws(SyncError) {
        var environment = ["LC_ALL": "C", "PGCONNECT_TIMEOUT": "10"]
        if let passfile = settings.passfile { environment["PGPASSFILE"] = passfile }
        let outcome = try await programs.run(
            "pg_dumpall", ["--dbname=\(settings.source)", "--file=\(staging.dumpFile)", "--no-password"],
            environment: environment)
        guard outcome.exitStatus == 0 else {
            throw SyncError(.transferFailed, "pg_dumpall failed (\(outcome.summary)); the dump is not restored")
        }
    }

    /// Restores the dump with psql into the running staging cluster; returns psql's messages, judged.
    private func restoreDump(
        into staging: DumpallStaging, programs: DumpallPrograms
    ) async throws(SyncError) -> DumpallRestoreOutput {
        let limit = 1 << 20
        let outcome = try await programs.run(
            "psql",
            [
                "--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=0", "--host=\(staging.socketDirectory)",
                "--port=\(staging.port)", "--username=\(settings.user)", "--dbname=postgres", "--output=/dev/null",
                "--file=\(staging.dumpFile)",
            ], environment: ["LC_ALL": "C"], outputLimit: limit)
        guard outcome.exitStatus == 0 else {
            throw SyncError(.invalidSnapshot, "psql could not restore the dump (\(outcome.summary)); nothing published")
        }
        guard outcome.output.utf8.count < limit else {
            throw SyncError(
                .invalidSnapshot, "the restore wrote more than \(limit) bytes of messages; nothing published")
        }
        return DumpallRestoreOutput(outcome.output, dumpFile: staging.dumpFile, bootstrapUser: settings.user)
    }

    /// The source's current WAL position (its replay position if it is in recovery).
    private func sourcePosition() async throws(SyncError) -> WALPosition {
        let conninfo = settings.sessionConninfo
        let result = await OwnThread.run {
            Result { () throws(PostgresError) -> String? in
                let connection = try PostgresConnection(conninfo: conninfo)
                defer { connection.close() }
                return try connection.query(
                    "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() "
                        + "END)::text"
                ).scalar
            }
        }
        switch result {
        case .success(let text):
            guard let position = text.flatMap(WALPosition.init) else {
                throw SyncError(.postgresFailed, "dumpall_source answered no WAL position")
            }
            return position
        case .failure(let error):
            throw SyncError(.postgresFailed, "cannot query dumpall_source: \(error)")
        }
    }

    /// Writes `marker` into the stopped staging cluster (owned by `pg_user`, mode 0600).
    private func writeMarker(
        _ marker: SnapshotMarker, into dataDirectory: String, programs: DumpallPrograms
    ) throws(SyncError) {
        let file = "\(dataDirectory)/\(SnapshotMarker.fileName)"
        guard FileManager.default.createFile(atPath: file, contents: Data(marker.encoded().utf8)) else {
            throw SyncError(.fileSystem, "cannot write \(file)")
        }
        try programs.own(file)
        chmod(file, 0o600)
    }

    /// Runs `body` in a task of its own, so that the cleanup it does (stopping a staging cluster through pg_ctl)
    /// still runs when the round's task is cancelled; the round waits for it.
    private static func uncancelled(_ body: @escaping @Sendable () async -> Void) async {
        await Task.detached(operation: body).value
    }
}
