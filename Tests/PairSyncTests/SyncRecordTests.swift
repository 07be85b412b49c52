import Foundation
import PairSync
import Testing

@Suite("SyncRecord")
struct SyncRecordTests {
    @Test("encodes to JSON and back, with its LSNs as PostgreSQL writes them")
    func roundTrip() throws {
        let record = SyncRecord(
            method: "rsync", round: "20261121T102432Z-42", outcome: .succeeded,
            startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_800_000_012),
            bytesSent: 1000, bytesReceived: 24, transferredFileBytes: 900, startPosition: WALPosition("0/2000028"),
            stopPosition: WALPosition("0/2000100"))
        let text = record.encoded()
        #expect(text.contains("\"startPosition\" : \"0/2000028\""))
        #expect(SyncRecord.decode(text) == record)
        #expect(record.bytes == 1024 && record.durationSeconds == 12)
    }
}
