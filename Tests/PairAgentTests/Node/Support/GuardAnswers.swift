import PairCore
import Synchronization

/// Collects what a guard reports, for tests.
final class GuardAnswers: Sendable {
    private let answers = Mutex<[(GuardAnswer, ContinuousClock.Instant)]>([])

    /// The closure a guard reports to.
    var report: @Sendable (GuardAnswer, ContinuousClock.Instant) -> Void {
        { answer, instant in self.answers.withLock { $0.append((answer, instant)) } }
    }

    var all: [(answer: GuardAnswer, at: ContinuousClock.Instant)] {
        answers.withLock { $0.map { (answer: $0.0, at: $0.1) } }
    }

    var count: Int { answers.withLock { $0.count } }
}

/// Polls `condition` until it holds or `limit` passes; returns whether it held. The limit only keeps a broken
/// test from hanging: tests assert what happened, never how fast.
func guardEventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
