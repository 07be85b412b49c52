import Foundation

@testable import PairAgent

/// Records the data directories it was asked to install into.
final class RecordingInstaller: DataDirectoryInstaller, @unchecked Sendable {
    private let lock = NSLock()
    private var installed: [String] = []

    var directories: [String] { lock.withLock { installed } }

    func installNewestCopy(into dataDirectory: String) async throws {
        lock.withLock { installed.append(dataDirectory) }
    }
}
