import Foundation
import Testing

@testable import PairLab

struct StabilityBenchmarkTests {
    /// Readings alternating castor, pollux, …; each pair is (castor holds, pollux holds), both up on the LAN.
    static func samples(_ holds: [(Bool, Bool)]) -> AddressHolderSamples {
        AddressHolderSamplesTests.samples(holds)
    }

    static func report(_ second: Double, _ node: String?) -> ProbeReport {
        let time = Date(timeIntervalSince1970: 1_000 + second)
        return ProbeReport(
            ok: node != nil, host: "198.18.0.100", port: 5432, clusterName: node, startedAt: time,
            connectedAt: node == nil ? nil : time, finishedAt: time,
            failure: node == nil ? .init(code: "connection_failed", message: "timeout") : nil)
    }

    @Test func aSteadyHolderIsNoFlip() {
        #expect(StabilityBenchmark.flips(in: Self.samples([(true, false), (true, false), (true, false)])) == 0)
    }

    @Test func eachMoveOfTheAddressIsOneFlip() {
        // castor, then pollux (a gap with no holder between), then castor again.
        let samples = Self.samples([(true, false), (false, false), (false, true), (false, true), (true, false)])
        #expect(StabilityBenchmark.flips(in: samples) == 2)
    }

    @Test func aHolderCutOffTheLANDoesNotCount() {
        // castor's address while its LAN link is cut serves no client: pollux held it throughout.
        let samples = AddressHolderSamplesTests.samples([(false, true), (true, false), (false, true)], cut: [1])
        #expect(StabilityBenchmark.flips(in: samples) == 0)
    }

    @Test func answerChangesFollowTheStartOrderAndSkipFailures() {
        let reports = [
            Self.report(0.3, "pollux"), Self.report(0.0, "castor"), Self.report(0.1, nil), Self.report(0.2, "castor"),
            Self.report(0.4, "pollux"),
        ]
        #expect(StabilityBenchmark.answerChanges(in: reports) == 1)
        #expect(StabilityBenchmark.answerChanges(in: []) == 0)
    }

    @Test func eachLoadHasTheIssuesLine() {
        let result = StabilityBenchmark.Result(
            timings: .benchmark(keepalive: .milliseconds(200), deadtime: .milliseconds(600)), load: .mixed,
            seconds: 180, flips: 1, doubleAddressSamples: 0, failedSamples: 3, attempts: 1_800, readings: 3_000,
            answerChanges: 1)
        #expect(
            result.line
                == "bench stability: deadtime_ms=600 load=mixed seconds=180 flips=1 double_vip_samples=0 "
                + "failed_samples=3"
        )
    }

    @Test func theLoadsAreStressNgCommandsWithASafetyTimeout() {
        #expect(
            StabilityLoad.cpu.arguments(seconds: 180) == ["stress-ng", "--cpu", "2", "--timeout", "240s", "--quiet"])
        let mixed = StabilityLoad.mixed.arguments(seconds: 20)
        #expect(mixed.first == "stress-ng" && mixed.contains("--io") && mixed.contains("--vm"))
        #expect(mixed.suffix(3) == ["--timeout", "80s", "--quiet"])
    }
}
