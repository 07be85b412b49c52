import PairCore
import Synchronization

@testable import PairAgent

/// An in-memory resource for the node loop's tests: records calls, and can hold its start until cancelled.
final class FakeResource: ManagedResource {
    let name: String
    private let holdStart: Bool
    private let state = Mutex<(running: Bool, calls: [String])>((false, []))

    init(_ name: String, holdStart: Bool = false) {
        self.name = name
        self.holdStart = holdStart
    }

    var calls: [String] { state.withLock { $0.calls } }
    var running: Bool { state.withLock { $0.running } }

    func start() async throws {
        state.withLock { $0.calls.append("start") }
        if holdStart {
            // Only cancellation ends this start.
            try await Task.sleep(for: .seconds(3600))
        }
        state.withLock { $0.running = true }
    }

    func stop() async throws {
        state.withLock {
            $0.calls.append("stop")
            $0.running = false
        }
    }

    func status() async throws -> ResourceState {
        state.withLock { $0.running ? .running : .stopped }
    }
}

/// Guards that never run (the tests' groups have no service address).
struct NoGuards: GuardRunner {
    func run(_ guard: NodeGuard, report: @escaping @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void) async {}
}
