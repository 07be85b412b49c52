import Foundation
import Testing

@testable import PairSync

@Suite struct OwnThreadTests {
    /// More blocked works than the cooperative pool has threads: the task that unblocks them gets a pool thread only
    /// if none of the works holds one. Run on the pool instead, every work would give up waiting (after 20 s, so
    /// that the test fails rather than hangs) before the unblocking task could run, and count nothing.
    @Test("blocked work holds no thread of the cooperative pool")
    func blockedWorkLeavesThePoolFree() async {
        let works = ProcessInfo.processInfo.activeProcessorCount + 2
        let gate = DispatchSemaphore(value: 0)
        let finished = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<works {
                group.addTask { await OwnThread.run { gate.wait(timeout: .now() + 20) == .success ? 1 : 0 } }
            }
            group.addTask {
                for _ in 0..<works { gate.signal() }
                return 0
            }
            return await group.reduce(0, +)
        }
        #expect(finished == works)
    }

    @Test("the work's result and its error reach the caller as they were")
    func resultsAndErrorsPassThrough() async {
        #expect(await OwnThread.run { 6 * 7 } == 42)
        await #expect(throws: SyncError.self) {
            try await OwnThread.run { () throws(SyncError) -> Int in
                throw SyncError(.fileSystem, "cannot read /nonexistent")
            }
        }
    }
}
