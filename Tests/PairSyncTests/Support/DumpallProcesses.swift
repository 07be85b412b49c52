import Foundation

/// The processes (PID and command line) whose program's name is `program` and whose command line mentions `text`.
func dumpallProcesses(named program: String, mentioning text: String) -> [(pid: Int32, commandLine: [String])] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> (Int32, [String])? in
        guard let pid = Int32(entry), let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
        else { return nil }
        let words = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard words.first?.split(separator: "/").last.map(String.init) == program,
            words.contains(where: { $0.contains(text) })
        else { return nil }
        return (pid, words)
    }
}
