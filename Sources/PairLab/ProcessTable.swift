import Foundation

/// Facts about processes, read from /proc. Sends no signal.
public enum ProcessTable {
    /// One process as /proc/PID/stat shows it.
    public struct Entry: Sendable, Hashable {
        public var pid: Int32
        public var parent: Int32
        /// The one-letter state: R, S, D, T (stopped), Z (zombie), …
        public var state: Character
        /// Clock ticks after boot at which the process started: with the PID, it names the process
        /// uniquely, so a recycled PID is never mistaken for ours.
        public var startTime: UInt64
    }

    /// The process `pid`, or nil when there is none.
    public static func entry(_ pid: Int32) -> Entry? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        return parseStat(text)
    }

    /// Parses a /proc/PID/stat line. The command name may hold spaces and parentheses, so fields are
    /// counted from the last `)`.
    static func parseStat(_ text: String) -> Entry? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"),
            let pid = Int32(text[..<open].trimmingCharacters(in: .whitespaces))
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); field 4 is the parent, field 22 the start time.
        guard fields.count > 19, let state = fields[0].first, let parent = Int32(fields[1]),
            let startTime = UInt64(fields[19])
        else { return nil }
        return Entry(pid: pid, parent: parent, state: state, startTime: startTime)
    }

    /// Whether the process `pid` that started at `startTime` still exists (a zombie counts as gone).
    public static func isAlive(pid: Int32, startTime: UInt64) -> Bool {
        guard let entry = entry(pid) else { return false }
        return entry.startTime == startTime && entry.state != "Z"
    }

    /// Every process now on the machine.
    public static func all() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }.compactMap(entry)
    }

    /// The children, grandchildren, … of `pid`, parents before their children.
    public static func descendants(of pid: Int32) -> [Entry] {
        let everyone = all()
        var result: [Entry] = []
        var parents: Set<Int32> = [pid]
        while true {
            let next = everyone.filter { parents.contains($0.parent) && !result.contains($0) && $0.pid != pid }
            if next.isEmpty { return result }
            result += next
            parents = Set(next.map(\.pid))
        }
    }
}
