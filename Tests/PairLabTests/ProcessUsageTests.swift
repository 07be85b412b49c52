import Foundation
import Testing

@testable import PairLab

struct ProcessUsageTests {
    @Test func cpuTicksAreUserPlusSystemTime() {
        let stat = "4242 (pgpair agent) S 1 4242 4242 0 -1 4194560 1000 0 0 0 37 5 0 0 20 0 9 0 123456 1 2 3"
        #expect(ProcessUsage.cpuTicks(statLine: stat) == 42)
    }

    @Test func residentMemoryInBytes() {
        #expect(
            ProcessUsage.residentBytes(statusText: "Name:\tpgpair\nVmRSS:\t   12345 kB\nThreads:\t9\n") == 12_345
                * 1_024)
        #expect(ProcessUsage.residentBytes(statusText: "Name:\tkthreadd\n") == nil)
    }

    @Test func readsThisProcess() throws {
        let usage = try #require(ProcessUsage.read(pid: getpid()))
        #expect(usage.residentBytes > 0)
    }

    @Test func cpuPercentOfOneCore() {
        let ticks = UInt64(ProcessUsage.ticksPerSecond)
        let earlier = ProcessUsage(cpuTicks: 0, residentBytes: 0)
        let later = ProcessUsage(cpuTicks: ticks, residentBytes: 0)
        #expect(abs(later.cpuPercent(since: earlier, elapsed: .seconds(100)) - 1) < 1e-9)
    }
}
