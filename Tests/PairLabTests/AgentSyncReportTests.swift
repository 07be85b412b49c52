import Foundation
import Testing

@testable import PairLab

struct AgentSyncReportTests {
    static let sync = """
        "sync" : { "age_s" : 212, "disk_free_bytes" : 40517206016, "disk_used_bytes" : 2137706496,
          "last_bytes" : null, "last_duration_s" : 38, "last_success" : "2026-11-21T10:30:40Z",
          "method" : "rsync", "state" : "idle" }
        """

    func status(_ sync: String?) throws -> AgentStatusReport {
        let example = AgentStatusReportTests.example
        guard let sync else { return try AgentStatusReport.parse(json: example) }
        return try AgentStatusReport.parse(
            json: example.replacingOccurrences(of: "\"protocol\" : 1,", with: "\"protocol\" : 1, \(sync),"))
    }

    @Test func readsTheDocumentedSyncObject() throws {
        let sync = try #require(try status(Self.sync).syncReport())
        #expect(sync.method == "rsync" && sync.state == .idle && sync.ageSeconds == 212 && sync.lastBytes == nil)
        #expect(sync.lastSuccess == (try Date("2026-11-21T10:30:40Z", strategy: .iso8601)))
        #expect(sync.lastDurationSeconds == 38)
    }

    @Test func aMissingSyncObjectIsUnknownAndABrokenOneIsAnError() throws {
        #expect(try status(nil).syncReport() == nil)
        let broken = try status(Self.sync.replacingOccurrences(of: "\"idle\"", with: "\"resting\""))
        #expect(throws: (any Error).self) { try broken.syncReport() }
        let noAge = try status(Self.sync.replacingOccurrences(of: "\"age_s\" : 212,", with: ""))
        #expect(throws: (any Error).self) { try noAge.syncReport() }
    }
}
