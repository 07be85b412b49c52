import Synchronization

@testable import PairAgent

/// A PostgreSQL control that answers status as told and records what it was asked, installs included.
final class FakePostgresControl: PostgresControl, DataDirectoryInstaller {
    enum Answer: Sendable {
        case running
        case stopped
        case notAnswering
    }

    private let answer: Answer
    private let recorded = Mutex<[String]>([])

    init(answer: Answer) {
        self.answer = answer
    }

    var calls: [String] { recorded.withLock { $0 } }

    func start(dataDirectory: String) async throws { record("start") }
    func stop(dataDirectory: String) async throws { record("stop") }

    func status(dataDirectory: String) async throws -> ResourceState {
        record("status")
        switch answer {
        case .running: return .running
        case .stopped: return .stopped
        case .notAnswering: throw ResourceError(.statusUnknown, "runs but does not answer")
        }
    }

    func installNewestCopy(into dataDirectory: String) async throws { record("install") }

    private func record(_ call: String) {
        recorded.withLock { $0.append(call) }
    }
}
