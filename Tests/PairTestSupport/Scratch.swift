import Foundation
import Testing

/// A temporary directory of a test's own (mode 0700, owned by postgres when asked), removed by `remove()`.
public struct Scratch: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates `/tmp/PREFIX-XXXXXX`, handing it to postgres when `ownedByPostgres` is set.
    public init(_ prefix: String, ownedByPostgres: Bool = false) throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
        path = try #require(made)
        if ownedByPostgres {
            let postgres = try #require(getpwnam("postgres")?.pointee)
            chown(path, postgres.pw_uid, postgres.pw_gid)
        }
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
