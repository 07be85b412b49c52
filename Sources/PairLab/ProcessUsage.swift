import Foundation

/// A process's CPU time and resident memory, read from /proc: what the benchmarks report for an agent.
public struct ProcessUsage: Sendable, Equatable {
    /// User plus system CPU time, in clock ticks (`utime` + `stime` of /proc/PID/stat).
    public var cpuTicks: UInt64
    /// Resident memory (`VmRSS` of /proc/PID/status), in bytes.
    public var residentBytes: UInt64

    public init(cpuTicks: UInt64, residentBytes: UInt64) {
        self.cpuTicks = cpuTicks
        self.residentBytes = residentBytes
    }

    /// Clock ticks per second (`sysconf(_SC_CLK_TCK)`).
    public static var ticksPerSecond: Double {
        Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The usage of process `pid` now; nil when it does not exist.
    public static func read(pid: Int32) -> ProcessUsage? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let ticks = cpuTicks(statLine: stat), let resident = residentBytes(statusText: status)
        else { return nil }
        return ProcessUsage(cpuTicks: ticks, residentBytes: resident)
    }

    /// utime + stime from a /proc/PID/stat line (fields 14 and 15, counted after the command's last `)`).
    static func cpuTicks(statLine: String) -> UInt64? {
        guard let close = statLine.lastIndex(of: ")") else { return nil }
        let fields = statLine[statLine.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 14 is fields[11].
        guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return nil }
        return user + system
    }

    /// VmRSS from /proc/PID/status (`VmRSS:	  12345 kB`), in bytes.
    static func residentBytes(statusText: String) -> UInt64? {
        for line in statusText.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 3, words[2] == "kB", let kilobytes = UInt64(words[1]) else { return nil }
            return kilobytes * 1_024
        }
        return nil
    }

    /// The share of one core used between `earlier` and this sample, `elapsed` apart, in percent.
    public func cpuPercent(since earlier: ProcessUsage, elapsed: Duration) -> Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        guard seconds > 0 else { return 0 }
        return Double(cpuTicks - earlier.cpuTicks) / Self.ticksPerSecond / seconds * 100
    }
}
