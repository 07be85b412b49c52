import Foundation
import PairTestSupport
import Testing

/// What the `pgpair sync` tests share beyond PairTestSupport: the rsync processes of a round, and what a snapshot
/// holds.
enum SyncTestSupport {
    /// The PIDs of the rsync processes whose command line holds `text`.
    static func rsyncProcesses(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let words = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard words.first?.hasSuffix("rsync") == true, words.contains(where: { $0.contains(text) }) else {
                return nil
            }
            return pid
        }
    }

    /// Every regular file under `directory` with its SHA-256, by relative path.
    static func checksums(of directory: String) async throws -> [String: String] {
        let (status, output) = try await run(
            "/usr/bin/find", [directory, "-type", "f", "-exec", "/usr/bin/sha256sum", "{}", "+"])
        #expect(status == 0, "find/sha256sum: \(output.suffix(300))")
        var sums: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let path = parts[1].drop { $0 == " " || $0 == "*" }
            sums[String(path.dropFirst(directory.count + 1))] = String(parts[0])
        }
        return sums
    }
}
