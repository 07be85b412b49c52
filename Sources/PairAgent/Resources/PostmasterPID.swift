import Foundation

/// What `PGDATA/postmaster.pid` says, and whether that process still runs.
struct PostmasterPID: Equatable {
    /// The postmaster's process ID (first line).
    var pid: Int32
    /// The status line (`starting`, `ready`, `stopping`, …), when written yet.
    var status: String?

    /// The file's contents, or nil when there is none (or it is unreadable or half written).
    static func read(dataDirectory: String) -> PostmasterPID? {
        guard let text = try? String(contentsOfFile: "\(dataDirectory)/postmaster.pid", encoding: .utf8) else {
            return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, let pid = Int32(first.trimmingCharacters(in: .whitespaces)), pid > 0 else {
            return nil
        }
        let status = lines.count >= 8 ? lines[7].trimmingCharacters(in: .whitespaces) : nil
        return PostmasterPID(pid: pid, status: status)
    }

    /// The running postmaster of `dataDirectory`: the file names a live process that is a `postgres` (a stale
    /// file after kill -9 or a crash, or a recycled PID, does not count).
    static func running(dataDirectory: String) -> PostmasterPID? {
        guard let file = read(dataDirectory: dataDirectory), isPostgres(file.pid) else { return nil }
        return file
    }

    /// True while `pid` is a live (not zombie) process whose command is `postgres`.
    static func isPostgres(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
        else { return false }
        let command = stat[stat.index(after: open)..<close]
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return command == "postgres" && state != "Z" && state != "X"
    }
}
