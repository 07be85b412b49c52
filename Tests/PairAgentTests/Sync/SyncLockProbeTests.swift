import Foundation
import PairSync
import Testing

@testable import PairAgent

/// `status.sync.state` is `running` while any process holds the sync lock; looking must not take it.
@Suite struct SyncLockProbeTests {
    @Test("held while a SyncLock holds it, free after, and looking never takes the lock")
    func heldAndReleased() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpair-probe-\(UUID()).lock").path
        defer { unlink(path) }
        #expect(!SyncLockProbe.isHeld(path))
        let lock = try SyncLock(path: path)
        #expect(SyncLockProbe.isHeld(path))
        lock.release()
        // A child another test forks while the lock is held shares the open file (and the flock) until its exec
        // closes it: the release can be seen a moment late while the suites run in parallel.
        for _ in 0..<100 where SyncLockProbe.isHeld(path) {
            usleep(10_000)
        }
        #expect(!SyncLockProbe.isHeld(path))
        // The probe took nothing: the lock can be taken at once.
        let again = try SyncLock(path: path)
        again.release()
    }

    @Test("a line of /proc/locks matches by device and inode, or by inode and the recorded holder")
    func parsing() {
        let locks = """
            1: POSIX  ADVISORY  WRITE 77 00:1a:555 0 EOF
            2: FLOCK  ADVISORY  WRITE 4242 fd:01:1234567 0 EOF
            2: -> FLOCK  ADVISORY  WRITE 4343 fd:01:7654321 0 EOF
            """
        let device = UInt64(0xfd << 8 | 0x01)
        #expect(SyncLockProbe.isHeld(device: device, inode: 1_234_567, holder: nil, locks: locks))
        #expect(!SyncLockProbe.isHeld(device: device, inode: 555, holder: 77, locks: locks))
        #expect(!SyncLockProbe.isHeld(device: device, inode: 7_654_321, holder: nil, locks: locks))
        #expect(SyncLockProbe.isHeld(device: 0x2a, inode: 1_234_567, holder: 4242, locks: locks))
        #expect(!SyncLockProbe.isHeld(device: 0x2a, inode: 1_234_567, holder: 99, locks: locks))
    }
}
