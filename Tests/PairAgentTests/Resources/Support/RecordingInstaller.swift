import Foundation

@testable import PairAgent

/// Records the data directories it was asked to install into, and whether each install was told the peer released
/// the group.
final class RecordingInstaller: DataDirectoryInstaller, @unchecked Sendable {
    private let lock = NSLock()
    private var installed: [String] = []
    private var releases: [Bool] = []

    var directories: [String] { lock.withLock { installed } }
    var peerReleased: [Bool] { lock.withLock { releases } }

    func installNewestCopy(into dataDirectory: String) async throws {
        try await installNewestCopy(into: dataDirectory, peerReleased: false)
    }

    func installNewestCopy(into dataDirectory: String, peerReleased: Bool) async throws {
        lock.withLock {
            installed.append(dataDirectory)
            releases.append(peerReleased)
        }
    }
}
