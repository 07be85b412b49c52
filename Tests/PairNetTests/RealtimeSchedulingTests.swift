import Foundation
import Glibc
import NIOCore
import NIOPosix
import PairNet
import Testing

/// Serialized: memory locking is for the whole process, and each test unlocks it at the end.
@Suite("Real-time scheduling", .serialized)
struct RealtimeSchedulingTests {
    @Test("on an event loop's thread: SCHED_RR at the priority and memory locked, or the reason the system refuses")
    func appliesOnTheEventLoopThread() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        let outcome = try #require(await RealtimeScheduling.apply(priority: 10, on: eventLoop))
        let policy = try await eventLoop.submit { currentPolicy() }.get()
        if outcome.isRealtime {
            #expect(policy.policy == SCHED_RR)
            #expect(policy.priority == 10)
            #expect(outcome.description.contains("SCHED_RR priority 10"))
        } else {
            #expect(policy.policy == SCHED_OTHER)
            #expect(!(outcome.schedulingError ?? "").isEmpty)
        }
        if outcome.isMemoryLocked {
            #expect(lockedMemoryKilobytes() > 0)
        } else {
            #expect(!(outcome.memoryLockError ?? "").isEmpty)
        }
        // Only that thread changed.
        #expect(currentPolicy().policy == SCHED_OTHER)
        munlockall()
        try await group.shutdownGracefully()
    }

    @Test("a priority outside SCHED_RR's range is refused with the reason, and the thread keeps its policy")
    func outOfRange() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        let outcome = try #require(await RealtimeScheduling.apply(priority: 1000, on: eventLoop))
        #expect(!outcome.isRealtime)
        #expect(outcome.schedulingError?.contains("outside") == true)
        #expect(try await eventLoop.submit { currentPolicy() }.get().policy == SCHED_OTHER)
        munlockall()
        try await group.shutdownGracefully()
    }
}

private func currentPolicy() -> (policy: CInt, priority: CInt) {
    var policy: CInt = -1
    var parameters = sched_param()
    pthread_getschedparam(pthread_self(), &policy, &parameters)
    return (policy, parameters.sched_priority)
}

/// VmLck from /proc/self/status.
private func lockedMemoryKilobytes() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmLck:") } ?? ""
    return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
}
