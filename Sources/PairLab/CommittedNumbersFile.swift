import Foundation

/// The row writer's output file: committed numbers, one a line, appended with `O_APPEND` so that a reader never sees
/// a number before its line is whole.
final class CommittedNumbersFile {
    private let handle: FileHandle
    /// The highest number the file held when opened (0 when new): a restarted writer goes on after it.
    let highestNumber: Int

    init(path: String) throws(LabError) {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        highestNumber = RowWriter.numbers(in: existing).max() ?? 0
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw LabError(.file, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func append(_ number: Int) throws(LabError) {
        do {
            try handle.write(contentsOf: Data("\(number)\n".utf8))
        } catch {
            throw LabError(.file, "cannot append to the committed-rows file: \(error)")
        }
    }
}
