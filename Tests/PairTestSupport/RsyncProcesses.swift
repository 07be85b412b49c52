import Foundation

/// The rsync processes (PID, parent PID) whose command line mentions `text`.
public func rsyncProcesses(mentioning text: String) -> [(pid: Int32, parent: Int32)] {
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
