import PairSync
import Testing

@Suite("SyncLock")
struct SyncLockTests {
    @Test("a second holder gets the busy error; once the first releases, the lock can be taken again")
    func secondHolderIsBusy() throws {
        let scratch = try Scratch("pgpair-synctest-lock")
        defer { scratch.remove() }
        let path = "\(scratch.path)/sync.lock"
        let first = try SyncLock(path: path)
        let error = #expect(throws: SyncError.self) { try SyncLock(path: path).release() }
        #expect(error?.code == .busy)
        #expect(error?.message == "sync already active")
        first.release()
        let again = try SyncLock(path: path)
        again.release()
    }

    @Test("withLock runs nothing while another holder has the lock")
    func withLockBusy() async throws {
        let scratch = try Scratch("pgpair-synctest-lock")
        defer { scratch.remove() }
        let path = "\(scratch.path)/sync.lock"
        let held = try SyncLock(path: path)
        await #expect(throws: SyncError(.busy, SyncError.busyMessage)) {
            try await SyncLock.withLock(path: path) { Issue.record("ran while the lock was held") }
        }
        held.release()
        let answer = try await SyncLock.withLock(path: path) { 42 }
        #expect(answer == 42)
    }

    @Test("a lock file in a missing directory is a lock failure, not busy")
    func missingDirectory() {
        let error = #expect(throws: SyncError.self) { try SyncLock(path: "/nonexistent-pgpair/sync.lock").release() }
        #expect(error?.code == .lockFailed)
    }
}
