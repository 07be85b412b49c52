import Foundation

/// The machine a benchmark ran on, as `docs/benchmarks/RESULTS.md` states it: CPU model, cores, memory, kernel.
public struct MachineDescription: Sendable, Equatable {
    public var cpuModel: String
    public var cores: Int
    public var memoryBytes: UInt64
    public var kernel: String

    public init(cpuModel: String, cores: Int, memoryBytes: UInt64, kernel: String) {
        self.cpuModel = cpuModel
        self.cores = cores
        self.memoryBytes = memoryBytes
        self.kernel = kernel
    }

    /// This machine, from /proc (`cpuinfo`, `meminfo`, `sys/kernel/osrelease`); what cannot be read is `unknown`
    /// or 0.
    public static func current() -> MachineDescription {
        func read(_ path: String) -> String {
            (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
        let kernel = read("/proc/sys/kernel/osrelease").trimmingCharacters(in: .whitespacesAndNewlines)
        return MachineDescription(
            cpuModel: cpuModel(cpuinfo: read("/proc/cpuinfo")) ?? "unknown",
            cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryBytes: memoryBytes(meminfo: read("/proc/meminfo")) ?? 0,
            kernel: kernel.isEmpty ? "unknown" : kernel)
    }

    /// The first `model name` in /proc/cpuinfo's text.
    static func cpuModel(cpuinfo: String) -> String? {
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "model name" else { continue }
            let model = parts[1].trimmingCharacters(in: .whitespaces)
            if !model.isEmpty { return model }
        }
        return nil
    }

    /// `MemTotal` of /proc/meminfo's text, in bytes (the file counts in kB).
    static func memoryBytes(meminfo: String) -> UInt64? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let words = line.split(separator: " ")
            guard words.count >= 2, let kilobytes = UInt64(words[1]) else { return nil }
            return kilobytes * 1_024
        }
        return nil
    }

    /// The memory in GiB with one decimal, e.g. `23.5 GiB`.
    public var memoryText: String {
        "\(String(format: "%.1f", Double(memoryBytes) / 1_073_741_824)) GiB"
    }

    /// One line for the report, e.g. `AMD EPYC, 2 cores, 23.5 GiB memory, Linux 6.18.44`.
    public var summary: String {
        "\(cpuModel), \(cores) cores, \(memoryText) memory, Linux \(kernel)"
    }
}
