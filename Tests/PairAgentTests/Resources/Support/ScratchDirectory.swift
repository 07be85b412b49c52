import Foundation
import Testing

/// A temporary directory of a test's own, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init(_ prefix: String = "pgpair-restest") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
        path = try #require(made)
    }

    func write(_ text: String, to name: String, mode: mode_t = 0o644) throws {
        let file = "\(path)/\(name)"
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, mode)
    }

    func read(_ name: String) -> String {
        (try? String(contentsOfFile: "\(path)/\(name)", encoding: .utf8)) ?? ""
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
