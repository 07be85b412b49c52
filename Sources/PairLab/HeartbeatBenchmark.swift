import Foundation
import PairCore

/// `pgpair-lab bench heartbeat`: how fast an agent declares a killed peer dead, and what an idle agent costs.
///
/// Two agents run in the lab, on the heartbeat link and the serial line. Each run kills one agent with SIGKILL
/// at a random point of the heartbeat cycle (after a random 0…keepalive wait once both sides see each other up
/// on every link) and measures from just before the kill to the timestamp of the survivor's `peer dead` log
/// line. The victim alternates between the nodes and is started again for the next run. Then, with both
/// agents idle and healthy, one agent's CPU time and resident memory are sampled from /proc over a window.
public struct HeartbeatBenchmark: Sendable {
    public var timings: AgentTimings
    public var runs: Int
    /// How long the idle agent's CPU time is measured.
    public var idleWindow: Duration

    public init(timings: AgentTimings, runs: Int = 20, idleWindow: Duration = .seconds(60)) {
        self.timings = timings
        self.runs = runs
        self.idleWindow = idleWindow
    }

    /// What one setting measured.
    public struct Result: Sendable, Equatable {
        public var timings: AgentTimings
        public var detection: LatencySummary
        /// Every run's detection latency, in run order.
        public var samples: [Duration]
        /// The idle agent's largest resident memory over the window, in bytes.
        public var residentBytes: UInt64
        /// The idle agent's CPU use over the window, in percent of one core.
        public var cpuPercent: Double

        /// Every run's detection latency in milliseconds, in run order.
        public var sampleMilliseconds: [Int64] {
            samples.map(\.wholeMilliseconds)
        }

        /// The benchmark's output line, e.g. `bench heartbeat: deadtime_ms=1000 keepalive_ms=200 runs=20 …`.
        public var line: String {
            "bench heartbeat: deadtime_ms=\(timings.deadtime.wholeMilliseconds) "
                + "keepalive_ms=\(timings.keepalive.wholeMilliseconds) runs=\(detection.count) "
                + "detect_p50_ms=\(detection.p50.wholeMilliseconds) detect_p95_ms=\(detection.p95.wholeMilliseconds) "
                + "detect_max_ms=\(detection.max.wholeMilliseconds) "
                + "rss_mb=\(Self.format(Double(residentBytes) / 1_048_576, decimals: 1)) "
                + "cpu_pct=\(Self.format(cpuPercent, decimals: 2))"
        }

        static func format(_ value: Double, decimals: Int) -> String {
            String(format: "%.\(decimals)f", value)
        }
    }

    /// Runs the benchmark in `lab` (agents must not run yet); leaves both agents running.
    public func run(in lab: Lab, report: (String) -> Void = { _ in }) async throws -> Result {
        let configuration = AgentLabConfiguration(timings: timings)
        try await lab.writeAgentConfiguration(configuration)
        for node in LabNode.allCases {
            try await lab.startAgent(on: node)
        }
        var samples: [Duration] = []
        for index in 0..<runs {
            let victim: LabNode = index.isMultiple(of: 2) ? .a : .b
            let latency = try await detectionLatency(lab: lab, victim: victim)
            report("run \(index + 1)/\(runs): killed \(victim.name), \(latency.wholeMilliseconds) ms to `peer dead`")
            samples.append(latency)
        }
        guard let detection = LatencySummary(samples) else {
            throw LabError(.invalidState, "the benchmark needs at least one run")
        }
        try await healthyPair(lab: lab)
        let (resident, cpu) = try await idleUsage(lab: lab, node: .b)
        return Result(
            timings: timings, detection: detection, samples: samples, residentBytes: resident, cpuPercent: cpu)
    }

    /// One run: waits until both agents see each other on every link, kills `victim` at a random point of
    /// the heartbeat cycle, and returns the time to the survivor's `peer dead` log line.
    func detectionLatency(lab: Lab, victim: LabNode) async throws -> Duration {
        let survivor = victim.peer
        try await healthyPair(lab: lab)
        let logFile = lab.agentLogFile(of: survivor)
        let offset = AgentLogLine.endOffset(ofFile: logFile)
        try await Task.sleep(for: timings.keepalive * Double.random(in: 0..<1))
        let killedAt = Date()
        try await lab.killAgent(on: victim)
        let deadline = ContinuousClock.now + timings.deadtime + .seconds(20)
        var position = offset
        while ContinuousClock.now < deadline {
            let (lines, end) = AgentLogLine.lines(inFile: logFile, from: position)
            position = end
            if let verdict = lines.first(where: { $0.text.contains("peer dead") }) {
                let milliseconds = (verdict.time.timeIntervalSince(killedAt) * 1_000).rounded()
                return .milliseconds(Int64(milliseconds))
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let status = (try? await lab.status(of: survivor)).map { $0.json } ?? "no status"
        throw LabError(
            .notReady,
            "\(survivor) logged no `peer dead` in \(logFile) after \(victim)'s agent was killed; status: \(status)")
    }

    /// Starts whichever agent is missing and waits until each side sees the other up on every link.
    func healthyPair(lab: Lab) async throws {
        for node in LabNode.allCases where await lab.agentProcess(on: node) == nil {
            try await lab.startAgent(on: node)
        }
        for node in LabNode.allCases {
            try await lab.waitFor("the peer up on every link", on: node, within: timings.initdead + .seconds(30)) {
                $0.peerUpOnEveryLink
            }
        }
    }

    /// The agent of `node` over the idle window: its largest resident memory and its CPU use.
    func idleUsage(lab: Lab, node: LabNode) async throws -> (residentBytes: UInt64, cpuPercent: Double) {
        guard let agent = await lab.agentProcess(on: node) else {
            throw LabError(.invalidState, "no agent runs on \(node)")
        }
        func sample() throws -> ProcessUsage {
            guard agent.isRunning, let usage = ProcessUsage.read(pid: agent.pid) else {
                throw LabError(.processFailed, "\(agent) ended during the idle window: \(agent.logTail())")
            }
            return usage
        }
        let start = ContinuousClock.now
        let first = try sample()
        var resident = first.residentBytes
        var last = first
        var lastAt = start
        while lastAt - start < idleWindow {
            try await Task.sleep(for: min(.seconds(1), idleWindow - (lastAt - start)))
            last = try sample()
            lastAt = ContinuousClock.now
            resident = max(resident, last.residentBytes)
        }
        return (resident, last.cpuPercent(since: first, elapsed: lastAt - start))
    }
}
