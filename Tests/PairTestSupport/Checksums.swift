import Foundation
import Testing

/// Every regular file under `directory` with its SHA-256, by path relative to `directory`.
public func checksums(of directory: String) async throws -> [String: String] {
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
        var status = stat()
        if lstat("\(directory)/\(relative)", &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            files.append(relative)
        }
    }
    var sums: [String: String] = [:]
    for chunk in stride(from: 0, to: files.count, by: 200) {
        let batch = Array(files[chunk..<min(chunk + 200, files.count)])
        let (status, output) = try await run("/usr/bin/sha256sum", batch.map { "\(directory)/\($0)" })
        #expect(status == 0, "sha256sum: \(output.suffix(300))")
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let path = parts[1].drop { $0 == " " || $0 == "*" }
            sums[String(path.dropFirst(directory.count + 1))] = String(parts[0])
        }
    }
    return sums
}
