import Testing

@testable import PairSync

@Suite("RsyncStatistics")
struct RsyncStatisticsTests {
    @Test("reads bytes sent, received and the transferred file size from --stats, grouped digits or not")
    func parses() {
        let output = """
            Number of files: 1,000 (reg: 990, dir: 10)
            Total file size: 43,000,000 bytes
            Total transferred file size: 1,234,567 bytes
            Literal data: 1,234,567 bytes
            Total bytes sent: 1,300,000
            Total bytes received: 4512

            sent 1,300,000 bytes  received 4,512 bytes  2,600,000.00 bytes/sec
            """
        let statistics = RsyncStatistics(parsing: output)
        #expect(statistics.bytesSent == 1_300_000)
        #expect(statistics.bytesReceived == 4512)
        #expect(statistics.transferredFileBytes == 1_234_567)
        #expect((statistics + statistics).bytesSent == 2_600_000)
    }

    @Test("output without statistics counts as zero")
    func empty() {
        #expect(RsyncStatistics(parsing: "rsync error: some files vanished") == RsyncStatistics())
    }
}
