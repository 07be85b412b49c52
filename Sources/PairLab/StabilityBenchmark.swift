import Foundation

/// `pgpair-lab bench stability` (issue 7): does a healthy pair stay put under load? Both agents run the service
/// group (service address and `pgsql`) at a short deadtime; for `seconds` under each load (stress-ng, started for the
/// run and ended by its PID afterwards) the client's watch connects through the service address every 100 ms and a
/// sampler reads who holds the address (one node, then the other: a reading about every 50 ms on an idle machine, so
/// each node about every 100 ms; slower under load). Nothing fails on purpose, so every flip (the address moving to
/// the other node), every moment with the address on both nodes and every failed connection is a false alarm the
/// load caused.
public struct StabilityBenchmark: Sendable {
    public var timings: AgentTimings
    /// How long each load runs.
    public var seconds: Int
    /// The loads, in order, in one lab.
    public var loads: [StabilityLoad]
    /// How long settling the pair may take (a bound, not a measurement).
    public var limit: Duration = .seconds(60)
    /// Between two connection attempts of the client's watch.
    public static let watchInterval = Duration.milliseconds(100)
    /// Between two readings of the address sampler (each reading, a child process, takes a few milliseconds more).
    public static let samplerPause = Duration.milliseconds(20)

    public init(timings: AgentTimings, seconds: Int = 180, loads: [StabilityLoad] = StabilityLoad.allCases) {
        self.timings = timings
        self.seconds = seconds
        self.loads = loads
    }

    /// What one load's run saw.
    public struct Result: Sendable, Equatable {
        public var timings: AgentTimings
        public var load: StabilityLoad
        public var seconds: Int
        /// Times the service address moved from one node to the other (``flips(in:)``).
        public var flips: Int
        /// Certain moments with the address on both nodes (``AddressHolderSamples/doubleActiveCount``).
        public var doubleAddressSamples: Int
        /// The client's connection attempts that failed.
        public var failedSamples: Int
        /// The client's attempts, and the sampler's readings, in the run.
        public var attempts: Int
        public var readings: Int
        /// Times the client's answers came from the other node than the one before.
        public var answerChanges: Int

        public init(
            timings: AgentTimings, load: StabilityLoad, seconds: Int, flips: Int, doubleAddressSamples: Int,
            failedSamples: Int, attempts: Int, readings: Int, answerChanges: Int
        ) {
            self.timings = timings
            self.load = load
            self.seconds = seconds
            self.flips = flips
            self.doubleAddressSamples = doubleAddressSamples
            self.failedSamples = failedSamples
            self.attempts = attempts
            self.readings = readings
            self.answerChanges = answerChanges
        }

        /// The load's line: `bench stability: deadtime_ms=600 load=cpu seconds=180 flips=0 double_vip_samples=0
        /// failed_samples=0`.
        public var line: String {
            "bench stability: deadtime_ms=\(timings.deadtime.wholeMilliseconds) load=\(load.rawValue) "
                + "seconds=\(seconds) flips=\(flips) double_vip_samples=\(doubleAddressSamples) "
                + "failed_samples=\(failedSamples)"
        }

        /// The figures behind the line, for progress output.
        public var details: String {
            "\(attempts) client attempts (\(failedSamples) failed, \(answerChanges) changes of the answering node), "
                + "\(readings) address readings (\(flips) flips, \(doubleAddressSamples) with the address on both)"
        }
    }

    /// How often the service address moved in `samples`: a reading of one node holding it, up on the LAN, after
    /// the last such reading was of the other node.
    public static func flips(in samples: AddressHolderSamples) -> Int {
        var holder: LabNode?
        var flips = 0
        for reading in samples.readings where reading.holds && reading.linkUp {
            if let previous = holder, previous != reading.node { flips += 1 }
            holder = reading.node
        }
        return flips
    }

    /// How often the successful attempts in `reports` (in the order they started) were answered by another node
    /// than the one before.
    public static func answerChanges(in reports: [ProbeReport]) -> Int {
        let answers = reports.filter(\.ok).sorted { $0.startedAt < $1.startedAt }.compactMap(\.clusterName)
        return zip(answers, answers.dropFirst()).filter { $0 != $1 }.count
    }
}
