import Foundation

/// `pgpair-lab bench sync` (issue 5): pgpair's sync rounds against the plain commands the classic `db_sync` script
/// ran, on the same data, to the same place.
///
/// The benchmark runs in its own network namespace (`unshare --net`, as `make bench` starts it) with two local
/// clusters and an rsync daemon of its own. With `overPrimaryLink` (the default, issue 5's transport) it builds a lab
/// and the daemon runs in pollux's node namespace on its primary-link address while every client rsync runs in
/// castor's (``SyncBenchmarkTransport``); otherwise the daemon listens on 127.0.0.1.
/// A source cluster (unix socket only) gets `pgbench -i` at `scale`; the daemon serves two modules on the same disk:
/// `pgpair-staging` (a snapshot directory) and `plain` (a directory the plain copies go into, kept between rounds as
/// the classic script's target was). A first, unmeasured round of each kind makes the full copies; then each
/// measured round updates a contiguous `changedPercent` % of `pgbench_accounts` (``changedAccounts(round:)``, a
/// window that moves each round), checkpoints, and times
/// - **rsync**: pgpair's ``RsyncRound`` (a temporary slot, `pg_backup_start`, rsync with `--link-dest` into staging,
///   `pg_backup_stop`, backup_label and the WAL, the marker) plus publishing staging as a snapshot, against a plain
///   `rsync -a --delete --modify-window=-1` of the data directory into `plain/`; the bytes sent are rsync's `--stats` figures (all three
///   of the round's transfers);
/// - **pg_dumpall**: pgpair's ``DumpallRound`` (dump to a file, checked, restored into a fresh staging cluster,
///   stopped, published) against a plain `initdb`, start, `pg_dumpall | psql`, stop of a fresh cluster.
/// The order of the two alternates from round to round, so neither always finds the page cache warmed by the other.
public struct SyncBenchmark: Sendable {
    /// pgbench's scale factor (about 15 MB of data per unit).
    public var scale: Int
    /// Measured rsync rounds.
    public var rounds: Int
    /// Measured pg_dumpall rounds (each restores the whole database twice, so fewer fit in a few minutes).
    public var dumpallRounds: Int
    /// The share of `pgbench_accounts`' rows, in percent, one UPDATE changes before each round.
    public var changedPercent: Double
    /// PostgreSQL's bin directory.
    public var postgresBinDirectory: String
    /// Copy over a lab's primary link (castor's namespace to an rsync daemon in pollux's, ``SyncBenchmarkTransport``)
    /// rather than over loopback in the benchmark's own namespace.
    public var overPrimaryLink: Bool
    /// How long any one step may take before the benchmark gives up (a bound, not a measurement).
    public var limit: Duration = .seconds(1_800)

    public init(
        scale: Int = 67, rounds: Int = 20, dumpallRounds: Int = 5, changedPercent: Double = 1,
        overPrimaryLink: Bool = true, postgresBinDirectory: String = LabExecutables.defaultPostgresBinDirectory
    ) {
        self.overPrimaryLink = overPrimaryLink
        self.scale = scale
        self.rounds = rounds
        self.dumpallRounds = dumpallRounds
        self.changedPercent = changedPercent
        self.postgresBinDirectory = postgresBinDirectory
    }

    /// The rows of `pgbench_accounts` (`aid` 1 through 100 000 × scale).
    public var accounts: Int { scale * 100_000 }

    /// The `aid` range the writes before round `round` (counted from 0 over the rsync rounds, then the pg_dumpall
    /// rounds) update: `changedPercent` % of the accounts, at least one row, contiguous, starting where the
    /// previous round's range ended and wrapping to `aid` 1 at the end of the table.
    public func changedAccounts(round: Int) -> ClosedRange<Int> {
        let count = min(accounts, max(1, Int((Double(accounts) * changedPercent / 100).rounded())))
        let first = (round * count) % accounts + 1
        return first...min(accounts, first + count - 1)
    }

    /// One measured rsync round: pgpair's and the plain copy's time and bytes sent.
    public struct RsyncSample: Sendable, Equatable {
        public var pgpair: Duration
        public var pgpairBytesSent: Int64
        public var plain: Duration
        public var plainBytesSent: Int64

        public init(pgpair: Duration, pgpairBytesSent: Int64, plain: Duration, plainBytesSent: Int64) {
            self.pgpair = pgpair
            self.pgpairBytesSent = pgpairBytesSent
            self.plain = plain
            self.plainBytesSent = plainBytesSent
        }
    }

    /// One measured pg_dumpall round: pgpair's and the plain pipe's time, and the size of pgpair's dump file.
    public struct DumpallSample: Sendable, Equatable {
        public var pgpair: Duration
        public var plain: Duration
        public var dumpBytes: Int64

        public init(pgpair: Duration, plain: Duration, dumpBytes: Int64) {
            self.pgpair = pgpair
            self.plain = plain
            self.dumpBytes = dumpBytes
        }
    }

    /// What the benchmark measured.
    public struct Result: Sendable, Equatable {
        public var scale: Int
        /// The source database's size after `pgbench -i` (`pg_database_size`).
        public var databaseBytes: Int64
        public var rsync: [RsyncSample]
        public var dumpall: [DumpallSample]
        /// For each rsync round, the bytes of the `pgbench_accounts` heap pages its UPDATE changed (the pages that
        /// held the old row versions and those the new ones went into, 8 kB each; index pages not counted).
        public var changedHeapBytes: [Int64]

        public init(
            scale: Int, databaseBytes: Int64, rsync: [RsyncSample], dumpall: [DumpallSample],
            changedHeapBytes: [Int64] = []
        ) {
            self.scale = scale
            self.databaseBytes = databaseBytes
            self.rsync = rsync
            self.dumpall = dumpall
            self.changedHeapBytes = changedHeapBytes
        }

        /// The median round's changed heap pages as a percentage of the database's size after `pgbench -i`.
        public var changedPercent: Double? {
            guard databaseBytes > 0, let median = NearestRank.median(changedHeapBytes) else { return nil }
            return Double(median) * 100 / Double(databaseBytes)
        }

        /// Median pgpair rsync round time over median plain rsync time.
        public var rsyncTimeRatio: Double? {
            Self.medianRatio(rsync.map(\.pgpair), rsync.map(\.plain))
        }

        /// Median bytes sent by a pgpair round over median bytes sent by a plain rsync.
        public var rsyncBytesRatio: Double? {
            NearestRank.ratio(
                NearestRank.median(rsync.map(\.pgpairBytesSent)).map(Double.init),
                NearestRank.median(rsync.map(\.plainBytesSent)).map(Double.init))
        }

        /// Median pgpair pg_dumpall round time over median plain `pg_dumpall | psql` time.
        public var dumpallTimeRatio: Double? {
            Self.medianRatio(dumpall.map(\.pgpair), dumpall.map(\.plain))
        }

        /// The rsync line: `bench sync: method=rsync scale=… db_mb=… changed_pct=… rounds=… pgpair_p50_ms=… …`.
        public var rsyncLine: String {
            var words = ["method=rsync", "scale=\(scale)", "db_mb=\(Self.megabytes(databaseBytes))"]
            words.append("changed_pct=\(changedPercent.map { String(format: "%.2f", $0) } ?? "-")")
            words.append("rounds=\(rsync.count)")
            words += FailoverBenchmark.Result.summaryWords("pgpair", rsync.map(\.pgpair))
            words += FailoverBenchmark.Result.summaryWords("plain", rsync.map(\.plain))
            words += Self.byteWords("pgpair_sent", rsync.map(\.pgpairBytesSent))
            words += Self.byteWords("plain_sent", rsync.map(\.plainBytesSent))
            return "bench sync: " + words.joined(separator: " ")
        }

        /// The pg_dumpall line: `bench sync: method=pg_dumpall scale=… rounds=… pgpair_p50_ms=… plain_p50_ms=…
        /// dump_mb=…`.
        public var dumpallLine: String {
            var words = ["method=pg_dumpall", "scale=\(scale)", "rounds=\(dumpall.count)"]
            words += FailoverBenchmark.Result.summaryWords("pgpair", dumpall.map(\.pgpair))
            words += FailoverBenchmark.Result.summaryWords("plain", dumpall.map(\.plain))
            words.append("dump_mb=\(NearestRank.median(dumpall.map(\.dumpBytes)).map(Self.megabytes) ?? "-")")
            return "bench sync: " + words.joined(separator: " ")
        }

        /// The last line: `bench sync: rsync_time_ratio=… rsync_bytes_ratio=… dumpall_time_ratio=… rounds=…`,
        /// where `rounds` counts the rsync rounds (the pg_dumpall line gives its own).
        public var summaryLine: String {
            "bench sync: rsync_time_ratio=\(NearestRank.formatted(rsyncTimeRatio)) "
                + "rsync_bytes_ratio=\(NearestRank.formatted(rsyncBytesRatio)) "
                + "dumpall_time_ratio=\(NearestRank.formatted(dumpallTimeRatio)) rounds=\(rsync.count)"
        }

        /// Every output line, the summary last.
        public var lines: [String] {
            [rsyncLine, dumpallLine, summaryLine]
        }

        static func medianRatio(_ numerators: [Duration], _ denominators: [Duration]) -> Double? {
            NearestRank.ratio(
                NearestRank.median(numerators).map(seconds), NearestRank.median(denominators).map(seconds))
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        static func megabytes(_ bytes: Int64) -> String {
            String(format: "%.1f", Double(bytes) / 1_048_576)
        }

        static func byteWords(_ name: String, _ samples: [Int64]) -> [String] {
            guard let median = NearestRank.median(samples), let p95 = NearestRank.percentile(95, of: samples) else {
                return ["\(name)_p50_kb=-"]
            }
            return ["\(name)_p50_kb=\(median / 1_024)", "\(name)_p95_kb=\(p95 / 1_024)"]
        }
    }
}
