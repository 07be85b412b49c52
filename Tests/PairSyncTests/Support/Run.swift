import Foundation
import PairTestSupport
import Testing

/// The rsync processes (PID, parent PID) whose command line mentions `text`.
func rsyncProcesses(mentioning text: String) -> [(pid: Int32, parent: Int32)] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> (Int32, Int32)? in
        guard let pid = Int32(entry),
            let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
            let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8)
        else { return nil }
        let words = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard words.first?.hasSuffix("rsync") == true, words.contains(where: { $0.contains(text) }) else {
            return nil
        }
        let parent = status.split(separator: "\n").first { $0.hasPrefix("PPid:") }
            .flatMap { Int32($0.dropFirst("PPid:".count).trimmingCharacters(in: .whitespaces)) }
        return (pid, parent ?? 0)
    }
}

/// Every regular file under `directory` with its SHA-256, by path relative to `directory`.
func checksums(of directory: String) async throws -> [String: String] {
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
