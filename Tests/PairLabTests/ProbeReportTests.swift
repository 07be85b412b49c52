import Foundation
import PairLab
import Testing

@Suite struct ProbeReportTests {
    @Test func roundTripsThroughOneJSONLine() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000.125)
        let report = ProbeReport(
            ok: true, host: "198.18.0.1", port: 5432, clusterName: "castor", serverAddress: "198.18.0.1",
            inRecovery: false, inserted: "x", readBack: "x", startedAt: start,
            connectedAt: start.addingTimeInterval(0.5), finishedAt: start.addingTimeInterval(1)
        )
        let line = try report.jsonLine()
        #expect(!line.contains("\n"))
        #expect(line.contains(#""cluster_name":"castor""#))
        #expect(line.contains(#""started_at":"2023-11-14T22:13:20.125Z""#))
        let parsed = try ProbeReport.parse(jsonLine: line)
        #expect(parsed.clusterName == "castor")
        #expect(parsed.readBack == "x")
        #expect(abs(parsed.startedAt.timeIntervalSince(start)) < 0.001)
        #expect(parsed.failure == nil)
    }

    @Test func carriesAFailure() throws {
        let report = ProbeReport(
            ok: false, host: "198.18.0.2", port: 5432, startedAt: Date(), finishedAt: Date(),
            failure: .init(code: "connection_failed", message: "timeout expired")
        )
        let parsed = try ProbeReport.parse(jsonLine: try report.jsonLine())
        #expect(parsed.failure?.code == "connection_failed")
        #expect(!parsed.ok)
    }
}
