import Foundation

/// An unlinked temporary file the child writes its output to.
struct OutputCapture {
    let handle: FileHandle

    init() throws {
        var template = Array("/tmp/pgpair-output-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw ResourceError(.spawnFailed, "cannot create a capture file in /tmp: errno \(errno)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// The first `limit` bytes written, as text (invalid UTF-8 repaired).
    func read(limit: Int) -> String {
        var buffer = [UInt8](repeating: 0, count: max(limit, 0))
        let count = buffer.withUnsafeMutableBytes { pread(handle.fileDescriptor, $0.baseAddress, limit, 0) }
        return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
    }
}
