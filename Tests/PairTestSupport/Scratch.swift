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

    /// Writes `text` to the file `name` (a path relative to the directory; missing directories are made) with `mode`.
    public func write(_ text: String, to name: String, mode: mode_t = 0o644) throws {
        let file = "\(path)/\(name)"
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, mode)
    }

    /// The text of the file `name` (relative to the directory), or "" when there is none.
    public func read(_ name: String) -> String {
        (try? String(contentsOfFile: "\(path)/\(name)", encoding: .utf8)) ?? ""
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
