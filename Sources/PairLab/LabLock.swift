import Foundation
import Logging

/// One lab at a time on this machine: an exclusive `flock` on a file in the registry directory, held from the
/// lab's start to the end of its teardown.
///
/// Labs of different test suites (even of different test targets, which Swift Testing runs in parallel) and of
/// different processes wait for each other, so no two labs compete for the machine's two cores and no timing
/// in one lab suffers from another. The descriptor is close-on-exec, so nothing the lab starts inherits it.
final class LabLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits for the lock (polling without blocking a thread), then holds it until `release()`.
    static func acquire(directory: String, logger: Logger) async throws -> LabLock {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/lab.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LabError(.file, "cannot open the lab lock \(path): \(String(cString: strerror(errno)))")
        }
        var waited = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw LabError(.file, "cannot lock \(path): \(reason)")
            }
            if !waited {
                logger.info("lab: another lab runs on this machine; waiting for it to finish")
                waited = true
            }
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                close(descriptor)
                throw error
            }
        }
        return LabLock(descriptor: descriptor)
    }

    /// Releases the lock.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
