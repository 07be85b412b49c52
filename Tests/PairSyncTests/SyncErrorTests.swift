import PairSync
import Testing

@Suite("SyncError")
struct SyncErrorTests {
    @Test("describes itself as code and message")
    func description() {
        #expect(SyncError(.busy, SyncError.busyMessage).description == "busy: sync already active")
    }
}
