/// A load the stability benchmark puts on the machine with stress-ng while the pair runs.
public enum StabilityLoad: String, Sendable, CaseIterable {
    /// `stress-ng --cpu 2`: both cores busy.
    case cpu
    /// One CPU worker, one I/O worker (`sync()` in a loop) and one memory worker (256 MB touched over and over).
    case mixed

    /// stress-ng's command line for a run of `seconds`. stress-ng's own `--timeout` (a minute beyond the run) is
    /// only a safety net: the benchmark ends it by its PID when the run is over.
    public func arguments(seconds: Int) -> [String] {
        let workers: [String] =
            switch self {
            case .cpu: ["--cpu", "2"]
            case .mixed: ["--cpu", "1", "--io", "1", "--vm", "1", "--vm-bytes", "256M"]
            }
        return ["stress-ng"] + workers + ["--timeout", "\(seconds + 60)s", "--quiet"]
    }
}
