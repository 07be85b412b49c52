import Foundation
import Testing

@testable import PairAgent

@Suite("BlockingCall")
struct BlockingCallTests {
    @Test("returns what the call returns, from a thread that is not the caller's")
    func answers() async throws {
        let caller = pthread_self()
        let onOtherThread = try await BlockingCall.run("call", timeout: .seconds(60)) {
            pthread_equal(pthread_self(), caller) == 0
        }
        #expect(onOtherThread)
    }

    @Test("a call that does not return within the timeout gives timedOut without waiting for it")
    func timesOut() async throws {
        let release = DispatchSemaphore(value: 0)
        let error = await #expect(throws: ResourceError.self) {
            try await BlockingCall.run("the stuck call", timeout: .milliseconds(100)) { release.wait() }
        }
        #expect(error?.code == .timedOut)
        #expect(error?.message.contains("the stuck call") == true)
        release.signal()
    }

    @Test("cancelling the caller gives CancellationError without waiting for the call")
    func cancels() async throws {
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let caller = Task {
            try await BlockingCall.run("the stuck call", timeout: .seconds(3600)) {
                started.signal()
                release.wait()
            }
        }
        await withCheckedContinuation { continuation in
            Thread {
                started.wait()
                continuation.resume()
            }.start()
        }
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        release.signal()
    }
}
