import Glibc
import PairSync
import PairTestSupport
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
        #expect(Self.takenSoon(path))
    }

    /// Takes the lock and lets it go, trying again for a moment: a child that another test forks while this one
    /// holds the lock shares the open file (and with it the `flock`) until the child's exec closes it, so a release
    /// is seen a few microseconds late now and then while the suites run in parallel. True once taken.
    static func takenSoon(_ path: String) -> Bool {
        for _ in 0..<100 {
            if let lock = try? SyncLock(path: path) {
                lock.release()
                return true
            }
            usleep(10_000)
        }
        return false
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
        // See `takenSoon`: try again for a moment while a forked child of another test still shares the lock.
        var answer: Int?
        for _ in 0..<100 where answer == nil {
            answer = try? await SyncLock.withLock(path: path) { 42 }
            if answer == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(answer == 42)
    }

    @Test("a lock file in a missing directory is a lock failure, not busy")
    func missingDirectory() {
        let error = #expect(throws: SyncError.self) { try SyncLock(path: "/nonexistent-pgpair/sync.lock").release() }
        #expect(error?.code == .lockFailed)
    }
}
