import PairTestSupport
import Testing

@testable import PairNet

@Suite("Outage log")
struct OutageLogTests {
    @Test("an outage logs one warning however many attempts fail, and one notice when it ends")
    func oneOutage() {
        let log = CapturedLog()
        var outages = OutageLog()
        outages.opened("medium open", logger: log.logger)
        for _ in 0..<10 {
            outages.failed("medium cannot be opened", error: "ENODEV", retry: .seconds(1), logger: log.logger)
        }
        outages.opened("medium open", logger: log.logger)
        #expect(log.all.map(\.level) == [.info, .warning, .notice])
        #expect(log.all.last?.metadata["heartbeat.failed_attempts"] == "10")
    }

    @Test("a medium that keeps failing and recovering logs a burst of outages, then holds them back")
    func flapping() {
        let log = CapturedLog()
        var outages = OutageLog(interval: .seconds(60), burst: 3)
        for _ in 0..<6 {
            outages.failed("medium lost", error: "EIO", retry: .seconds(1), logger: log.logger)
            outages.opened("medium open", logger: log.logger)
        }
        #expect(log.matching("medium lost").count == 3)
        #expect(log.matching("after an outage").count == 3)
    }
}
