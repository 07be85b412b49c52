import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file pg_dumpall wrote: accepted only when it ends with pg_dumpall's closing comment, which it writes last,
/// after every database. A dump cut short (pg_dumpall or one of its pg_dump children killed, a full disk, a lost
/// connection) lacks it, even in the rare case where the exit status does not say so.
enum DumpallDumpFile {
    /// The line pg_dumpall ends a complete dump with (followed by a line `--`).
    static let closingLine = "-- PostgreSQL database cluster dump complete"

    /// The size of the complete dump at `path`; throws `.transferFailed` when it is missing or cut short.
    static func check(_ path: String) throws(SyncError) -> Int64 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SyncError(
                .transferFailed, "pg_dumpall wrote no dump file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SyncError(.transferFailed, "cannot read the dump file \(path): \(String(cString: strerror(errno)))")
        }
        let size = Int64(status.st_size)
        let start = max(0, size - 1024)
        var buffer = [UInt8](repeating: 0, count: Int(size - start))
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        guard isComplete(tail: String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)) else {
            throw SyncError(
                .transferFailed,
                "the dump does not end with pg_dumpall's closing line (\(closingLine)); it was cut short and is not "
                    + "restored")
        }
        return size
    }

    /// Whether the end of a dump is the end of a complete one: the closing line, then nothing but `--` and blank
    /// lines.
    static func isComplete(tail: String) -> Bool {
        let lines = tail.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let closing = lines.lastIndex(of: closingLine) else { return false }
        return lines[(closing + 1)...].allSatisfy { $0.isEmpty || $0 == "--" }
    }
}
