import Foundation
import Logging
import PairSync

extension SyncBenchmark {
    /// The locale and encoding of every cluster the benchmark makes, matching the pg_dumpall round's staging cluster.
    static let initdbOptions = ["--locale=C.UTF-8", "--encoding=UTF8"]
    /// The modules of the benchmark's rsync daemon: pgpair's rounds and the plain copies.
    static let stagingModule = "pgpair-staging"
    static let plainModule = "plain"

    /// Runs the benchmark in a scratch directory under /tmp, which it removes at the end (also after a failure);
    /// `report` gets each round's figures. With `overPrimaryLink`, the copies go over the primary link of a lab
    /// built for the run and torn down after it; otherwise over 127.0.0.1. Needs root (PostgreSQL runs as postgres)
    /// and an isolated network namespace (the benchmark refuses to run where it could reach off the machine, as the
    /// lab does).
    public func run(report: (String) -> Void = { _ in }) async throws -> Result {
        try await NetworkSafety.requireIsolation()
        let executables = LabExecutables(binDirectory: "", postgresBinDirectory: postgresBinDirectory)
        try LabExecutables.require(
            ["rsync", "setpriv"] + ["initdb", "pg_ctl", "psql", "pgbench", "pg_dumpall"].map(executables.postgres))
        let root = try Self.makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let source = LocalCluster(directory: "\(root)/source", port: 5432, executables: executables)
        do {
            try await source.initialize(options: Self.initdbOptions + ["--no-sync"], timeout: limit)
            try await source.start(timeout: limit)
            let result: Result
            if overPrimaryLink {
                report("transport: a lab's primary link (castor's namespace to pollux's)")
                result = try await Lab.with { lab in
                    try await measure(root: root, source: source, transport: .primaryLink(of: lab), report: report)
                }
            } else {
                report("transport: loopback")
                result = try await measure(root: root, source: source, transport: .loopback, report: report)
            }
            await source.stop(timeout: limit)
            return result
        } catch {
            await source.stop(timeout: limit)
            throw error
        }
    }

    /// Loads the source, starts the daemon, and runs the rounds.
    private func measure(
        root: String, source: LocalCluster, transport: SyncBenchmarkTransport, report: (String) -> Void
    ) async throws -> Result {
        report("pgbench -i at scale \(scale)")
        try await source.runAsPostgres(
            [source.executables.postgres("pgbench"), "-i", "-q", "-s", "\(scale)"] + source.connectionOptions
                + ["postgres"], timeout: limit)
        let databaseBytes = Int64(try await source.sql("SELECT pg_database_size('postgres')")) ?? 0
        report("database: \(databaseBytes / 1_048_576) MB")
        let snapshots = "\(root)/snapshots"
        let plain = "\(root)/plain"
        for directory in [snapshots, plain, "\(root)/dumpall-snapshots"] {
            try LocalCluster.createPostgresDirectory(directory, mode: 0o700)
        }
        let daemon = try await LocalRsyncDaemon.start(
            in: root, modules: [(Self.stagingModule, snapshots), (Self.plainModule, plain)], transport: transport)
        do {
            let rsync = try await rsyncRounds(source: source, daemon: daemon, snapshots: snapshots, report: report)
            let dumpall = try await dumpallRounds(root: root, source: source, report: report)
            await daemon.stop()
            return Result(
                scale: scale, databaseBytes: databaseBytes, rsync: rsync.samples, dumpall: dumpall,
                changedHeapBytes: rsync.changed)
        } catch {
            await daemon.stop()
            throw error
        }
    }

    /// A first, unmeasured pair of full copies, then the measured rsync rounds.
    private func rsyncRounds(
        source: LocalCluster, daemon: LocalRsyncDaemon, snapshots: String, report: (String) -> Void
    ) async throws -> (samples: [RsyncSample], changed: [Int64]) {
        let first = try await pgpairRsyncRound(source: source, daemon: daemon, snapshots: snapshots)
        let firstPlain = try await plainRsync(source: source, daemon: daemon)
        report(
            "full copies (not measured): pgpair \(first.time.wholeMilliseconds) ms, \(first.sent / 1_024) kB; "
                + "plain \(firstPlain.time.wholeMilliseconds) ms, \(firstPlain.sent / 1_024) kB")
        var samples: [RsyncSample] = []
        var changed: [Int64] = []
        for index in 0..<rounds {
            changed.append(try await write(source: source, round: index))
            let pgpairFirst = index.isMultiple(of: 2)
            var pgpair = (time: Duration.zero, sent: Int64(0))
            var plainCopy = (time: Duration.zero, sent: Int64(0))
            if pgpairFirst {
                pgpair = try await pgpairRsyncRound(source: source, daemon: daemon, snapshots: snapshots)
            }
            plainCopy = try await plainRsync(source: source, daemon: daemon)
            if !pgpairFirst {
                pgpair = try await pgpairRsyncRound(source: source, daemon: daemon, snapshots: snapshots)
            }
            let sample = RsyncSample(
                pgpair: pgpair.time, pgpairBytesSent: pgpair.sent, plain: plainCopy.time, plainBytesSent: plainCopy.sent
            )
            report(
                "rsync \(index + 1)/\(rounds) (\(changed[index] / 1_024) kB of heap pages changed): pgpair \(pgpair.time.wholeMilliseconds) ms, \(pgpair.sent / 1_024) kB "
                    + "sent; plain \(plainCopy.time.wholeMilliseconds) ms, \(plainCopy.sent / 1_024) kB sent")
            samples.append(sample)
        }
        return (samples, changed)
    }

    /// The measured pg_dumpall rounds.
    private func dumpallRounds(root: String, source: LocalCluster, report: (String) -> Void) async throws
        -> [DumpallSample]
    {
        var samples: [DumpallSample] = []
        for index in 0..<dumpallRounds {
            _ = try await write(source: source, round: rounds + index)
            let pgpairFirst = index.isMultiple(of: 2)
            var pgpair = (time: Duration.zero, dumpBytes: Int64(0))
            if pgpairFirst { pgpair = try await pgpairDumpallRound(root: root, source: source) }
            let plain = try await plainDumpall(root: root, source: source)
            if !pgpairFirst { pgpair = try await pgpairDumpallRound(root: root, source: source) }
            report(
                "pg_dumpall \(index + 1)/\(dumpallRounds): pgpair \(pgpair.time.wholeMilliseconds) ms "
                    + "(dump \(pgpair.dumpBytes / 1_024) kB); plain \(plain.wholeMilliseconds) ms")
            samples.append(DumpallSample(pgpair: pgpair.time, plain: plain, dumpBytes: pgpair.dumpBytes))
        }
        return samples
    }

    /// The writes between rounds: one UPDATE of the `aid` range ``changedAccounts(round:)`` (each row's `abalance`
    /// plus one), then a checkpoint, so that both copies of the round find the changes in the files. Returns the
    /// bytes of the heap pages the UPDATE changed: those that held the old row versions and those the new versions
    /// went into (the statement's snapshot sees the old ones, its `RETURNING` the new ones).
    private func write(source: LocalCluster, round: Int) async throws -> Int64 {
        let range = changedAccounts(round: round)
        let pages = try await source.sql(
            """
            WITH old AS (SELECT (ctid::text::point)[0] AS page FROM pgbench_accounts \
            WHERE aid BETWEEN \(range.lowerBound) AND \(range.upperBound)), \
            new AS (UPDATE pgbench_accounts SET abalance = abalance + 1 \
            WHERE aid BETWEEN \(range.lowerBound) AND \(range.upperBound) RETURNING (ctid::text::point)[0] AS page) \
            SELECT count(*) FROM (SELECT page FROM old UNION SELECT page FROM new) AS changed
            """, timeout: limit)
        _ = try await source.sql("CHECKPOINT", timeout: limit)
        guard let count = Int64(pages) else {
            throw LabError(.invalidState, "the benchmark's UPDATE reported no page count: \(pages.prefix(200))")
        }
        return count * 8_192
    }

    /// pgpair's rsync round and the standby's publishing of its copy, timed together.
    private func pgpairRsyncRound(source: LocalCluster, daemon: LocalRsyncDaemon, snapshots: String) async throws
        -> (time: Duration, sent: Int64)
    {
        let round = RsyncRound(
            settings: RsyncRoundSettings(
                dataDirectory: source.pgdata, destination: daemon.destination(Self.stagingModule),
                conninfo: source.conninfo, rsyncPasswordFile: daemon.passwordFile, node: "castor", epoch: 1,
                setpriv: try daemon.transport.clientSetpriv(in: daemon.directory), transferTimeout: limit),
            logger: Logger(label: "pgpair.bench.sync"))
        let clock = ContinuousClock()
        let start = clock.now
        let record = await round.run()
        guard record.outcome == .succeeded else {
            throw LabError(.commandFailed, "pgpair's rsync round failed: \(record.message ?? "no message")")
        }
        guard try SnapshotStore(directory: snapshots, owner: "postgres").publishStaging(keep: 2) != nil else {
            throw LabError(.invalidState, "pgpair's rsync round left no complete staging copy to publish")
        }
        return (clock.now - start, record.bytesSent)
    }

    /// A plain `rsync -a --delete --modify-window=-1` of the data directory into the plain module, the issue's
    /// plain command (nanosecond modification times, as pgpair's round compares them); exit 24, files that vanished
    /// while rsync ran, is the usual result for a running cluster and accepted.
    private func plainRsync(source: LocalCluster, daemon: LocalRsyncDaemon) async throws
        -> (time: Duration, sent: Int64)
    {
        let clock = ContinuousClock()
        let start = clock.now
        let output = try await CommandRunner.run(
            daemon.clientCommand([
                "rsync", "-a", "--delete", "--modify-window=-1", "--stats", "--no-human-readable",
                "--password-file=\(daemon.passwordFile)", source.pgdata + "/",
                daemon.destination(Self.plainModule) + "/",
            ]), timeout: limit)
        let time = clock.now - start
        guard output.exitCode == 0 || output.exitCode == 24 else {
            throw LabError(
                .commandFailed, "plain rsync exited \(output.exitCode): \(output.standardError.suffix(1_000))")
        }
        return (time, RsyncStatistics(parsing: output.standardOutput).bytesSent)
    }

    /// pgpair's pg_dumpall round (dump, check, restore into a fresh staging cluster, stop, publish).
    private func pgpairDumpallRound(root: String, source: LocalCluster) async throws
        -> (time: Duration, dumpBytes: Int64)
    {
        let round = DumpallRound(
            settings: DumpallRoundSettings(
                source: source.conninfo, snapshotDirectory: "\(root)/dumpall-snapshots", keep: 2, user: "postgres",
                binDirectory: postgresBinDirectory, node: "castor", epoch: 1, stagingPort: 5433, stepTimeout: limit),
            logger: Logger(label: "pgpair.bench.sync"))
        let clock = ContinuousClock()
        let start = clock.now
        let record = await round.run()
        guard record.outcome == .succeeded else {
            throw LabError(.commandFailed, "pgpair's pg_dumpall round failed: \(record.message ?? "no message")")
        }
        return (clock.now - start, record.transferredFileBytes)
    }

    /// The plain way: initdb a fresh cluster, start it, `pg_dumpall | psql` into it, stop it; timed from initdb to
    /// the stop. The pipe runs in bash with `pipefail`, its programs and connection strings passed as positional
    /// parameters (nothing interpolated into the script). The cluster is removed afterwards, untimed.
    private func plainDumpall(root: String, source: LocalCluster) async throws -> Duration {
        let directory = "\(root)/plain-restore"
        try? FileManager.default.removeItem(atPath: directory)
        let target = LocalCluster(directory: directory, port: 5434, executables: source.executables)
        let clock = ContinuousClock()
        let start = clock.now
        try await target.initialize(options: Self.initdbOptions, timeout: limit)
        do {
            try await target.start(timeout: limit)
            try await target.runAsPostgres(
                [
                    "bash", "-c", "set -o pipefail; \"$1\" --dbname=\"$2\" | \"$3\" -X -q -d \"$4\" -f - >/dev/null",
                    "plain-dumpall", source.executables.postgres("pg_dumpall"), source.conninfo,
                    source.executables.postgres("psql"), target.conninfo,
                ], timeout: limit)
            await target.stop(timeout: limit)
        } catch {
            await target.stop(timeout: limit)
            throw error
        }
        let time = clock.now - start
        try? FileManager.default.removeItem(atPath: directory)
        return time
    }

    /// A fresh directory for the run, `/tmp/pgpair-bench-sync-XXXXXX`, that postgres may traverse.
    static func makeScratchDirectory() throws -> String {
        var template = Array("/tmp/pgpair-bench-sync-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LabError(.file, "cannot make a scratch directory under /tmp: \(String(cString: strerror(errno)))")
        }
        let path = String(cString: made)
        chmod(path, 0o755)
        return path
    }
}
