import Foundation

extension StabilityBenchmark {
    /// Runs every load in `lab`, a fresh lab with nothing started: castor's cluster and pollux's cold copy, both
    /// agents with the service group, castor active; then each load in turn. `report` gets progress; each result is
    /// also handed to `measured` as soon as it is known. Leaves both agents running.
    public func run(
        in lab: Lab, report: (String) -> Void = { _ in }, measured: (Result) -> Void = { _ in }
    ) async throws -> [Result] {
        try await lab.prepareServiceData()
        try await lab.writeAgentConfiguration(AgentLabConfiguration(timings: timings))
        for node in LabNode.allCases {
            try await lab.startAgent(on: node)
        }
        try await lab.waitForSettledPair(active: .a, within: limit)
        var results: [Result] = []
        for load in loads {
            let result = try await measure(load, in: lab, report: report)
            measured(result)
            results.append(result)
        }
        return results
    }

    /// One load's run: the watch answering first, then stress-ng, the sampler and `seconds` of watching.
    private func measure(_ load: StabilityLoad, in lab: Lab, report: (String) -> Void) async throws -> Result {
        let watch = try await lab.startServiceWatch(every: Self.watchInterval)
        let active = try await activeNode(in: lab)
        try await watch.waitForAnswer(from: active, after: Date(), within: limit)
        report("load \(load.rawValue): `\(load.arguments(seconds: seconds).joined(separator: " "))`, \(seconds) s")
        let stress = try await lab.spawn("stress-\(load.rawValue)", in: .lan, load.arguments(seconds: seconds))
        let start = Date()
        let sampler = lab.startSamplingAddressHolders(pause: Self.samplerPause)
        try? await Task.sleep(for: .seconds(seconds))
        let samples = await sampler.stop()
        let end = Date()
        let stressExit = await stress.stop()
        await watch.stop()
        if case .exited(let code) = stressExit, code != 0, code != 128 + SIGTERM {
            report("  stress-ng ended with \(code) before it was stopped: \(stress.logTail(bytes: 500))")
        }
        let reports = watch.reports().filter { $0.startedAt >= start && $0.startedAt < end }
        for moment in samples.doubleActiveMoments {
            report("  address on both nodes at \(moment.time.formatted(.iso8601)) (\(moment.node.name)'s reading)")
        }
        let result = Result(
            timings: timings, load: load, seconds: seconds, flips: Self.flips(in: samples),
            doubleAddressSamples: samples.doubleActiveCount, failedSamples: reports.filter { !$0.ok }.count,
            attempts: reports.count, readings: samples.readings.count,
            answerChanges: Self.answerChanges(in: reports))
        report("  \(result.details)")
        return result
    }

    /// The node whose agent says it is active (castor at the start; another after a flip under the last load).
    private func activeNode(in lab: Lab) async throws -> LabNode {
        for node in LabNode.allCases where (try? await lab.status(of: node))?.role == "active" {
            return node
        }
        try await lab.waitForSettledPair(active: .a, within: limit)
        return .a
    }
}
