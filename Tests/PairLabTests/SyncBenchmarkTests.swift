import Foundation
import Testing

@testable import PairLab

struct SyncBenchmarkTests {
    static func rsync(_ pgpair: Int, _ pgpairKB: Int64, _ plain: Int, _ plainKB: Int64) -> SyncBenchmark.RsyncSample {
        SyncBenchmark.RsyncSample(
            pgpair: .milliseconds(pgpair), pgpairBytesSent: pgpairKB * 1_024, plain: .milliseconds(plain),
            plainBytesSent: plainKB * 1_024)
    }

    static func dumpall(_ pgpair: Int, _ plain: Int) -> SyncBenchmark.DumpallSample {
        SyncBenchmark.DumpallSample(pgpair: .milliseconds(pgpair), plain: .milliseconds(plain), dumpBytes: 3 << 20)
    }

    static let result = SyncBenchmark.Result(
        scale: 20, databaseBytes: 300 << 20,
        rsync: [rsync(3_000, 900, 1_000, 600), rsync(2_000, 800, 1_000, 500), rsync(4_000, 1_000, 2_000, 400)],
        dumpall: [dumpall(30_000, 20_000), dumpall(33_000, 22_000)],
        changedHeapBytes: [6 << 20, 3 << 20, 9 << 20])

    @Test func theRatiosAreMedianOverMedian() throws {
        // pgpair's median 3 s over plain's 1 s; 900 kB over 500 kB; 30 s over 20 s (nearest rank of two: the first).
        #expect(try #require(Self.result.rsyncTimeRatio) == 3.0)
        #expect(try #require(Self.result.rsyncBytesRatio) == 1.8)
        #expect(try #require(Self.result.dumpallTimeRatio) == 1.5)
    }

    @Test func theLastLineHasTheIssuesKeysInItsOrder() {
        #expect(
            Self.result.summaryLine
                == "bench sync: rsync_time_ratio=3.000 rsync_bytes_ratio=1.800 dumpall_time_ratio=1.500 rounds=3")
        #expect(Self.result.lines.last == Self.result.summaryLine)
    }

    @Test func eachMethodHasALineWithMediansAndP95() {
        #expect(
            Self.result.rsyncLine
                == "bench sync: method=rsync scale=20 db_mb=300.0 changed_pct=2.00 rounds=3 pgpair_p50_ms=3000 pgpair_p95_ms=4000 "
                + "pgpair_max_ms=4000 plain_p50_ms=1000 plain_p95_ms=2000 plain_max_ms=2000 pgpair_sent_p50_kb=900 "
                + "pgpair_sent_p95_kb=1000 plain_sent_p50_kb=500 plain_sent_p95_kb=600")
        #expect(
            Self.result.dumpallLine
                == "bench sync: method=pg_dumpall scale=20 rounds=2 pgpair_p50_ms=30000 pgpair_p95_ms=33000 "
                + "pgpair_max_ms=33000 plain_p50_ms=20000 plain_p95_ms=22000 plain_max_ms=22000 dump_mb=3.0")
    }

    @Test func noRoundsNoRatios() {
        let empty = SyncBenchmark.Result(scale: 1, databaseBytes: 0, rsync: [], dumpall: [])
        #expect(
            empty.summaryLine == "bench sync: rsync_time_ratio=- rsync_bytes_ratio=- dumpall_time_ratio=- rounds=0")
        #expect(BenchmarkLine(empty.rsyncLine) != nil && BenchmarkLine(empty.dumpallLine) != nil)
        #expect(empty.rsyncLine.contains(" changed_pct=- "))
    }

    @Test func theDefaultsAreTheIssuesAbout1GBWith1PercentChangedPerRound() {
        let benchmark = SyncBenchmark()
        #expect(benchmark.scale == 67 && benchmark.changedPercent == 1)
        // 6 700 000 accounts: 67 000 a round, each range starting where the previous one ended.
        #expect(benchmark.changedAccounts(round: 0) == 1...67_000)
        #expect(benchmark.changedAccounts(round: 1) == 67_001...134_000)
        #expect(benchmark.changedAccounts(round: 24) == 1_608_001...1_675_000)
    }

    @Test func theChangedRangeWrapsAndNeverLeavesTheTable() {
        let benchmark = SyncBenchmark(scale: 1, changedPercent: 30)
        // 100 000 accounts, 30 000 a round: the fourth range starts at 90 001 and stops at the table's end.
        #expect(benchmark.changedAccounts(round: 3) == 90_001...100_000)
        #expect(benchmark.changedAccounts(round: 4) == 20_001...50_000)
        #expect(SyncBenchmark(scale: 1, changedPercent: 0.0001).changedAccounts(round: 5) == 6...6)
    }

    @Test func overThePrimaryLinkEveryClientRsyncStartsInTheActivesNamespace() throws {
        let link = SyncBenchmarkTransport(
            clientNamespace: "pgl-test-a", daemonNamespace: "pgl-test-b", daemonAddress: "198.18.1.2",
            clientAddress: "198.18.1.1", name: "primary-link")
        #expect(
            SyncBenchmarkTransport.command(in: link.clientNamespace, ["rsync", "-a"])
                == ["ip", "netns", "exec", "pgl-test-a", "rsync", "-a"])
        #expect(SyncBenchmarkTransport.command(in: nil, ["rsync", "-a"]) == ["rsync", "-a"])
        // pgpair's round starts rsync through its setpriv: the wrapper puts setpriv, and so rsync, in castor's
        // namespace; on loopback it is setpriv itself.
        let directory = NSTemporaryDirectory() + "sync-bench-transport-\(UInt32.random(in: 0 ... .max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let wrapper = try link.clientSetpriv(in: directory)
        #expect(
            try String(contentsOfFile: wrapper, encoding: .utf8)
                == "#!/bin/sh\nexec ip netns exec 'pgl-test-a' /usr/bin/setpriv \"$@\"\n")
        #expect(FileManager.default.isExecutableFile(atPath: wrapper))
        #expect(try SyncBenchmarkTransport.loopback.clientSetpriv(in: directory) == "/usr/bin/setpriv")
    }
}
