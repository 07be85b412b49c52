import Foundation
import Testing

@testable import PairLab

struct ServiceOutageTests {
    static let fault = Date(timeIntervalSince1970: 2_000)

    /// An attempt started `start` seconds after the fault that connected `connected` seconds after it (nil: failed).
    static func attempt(_ start: Double, _ connected: Double?, _ cluster: String? = nil) -> ProbeReport {
        ProbeReport(
            ok: connected != nil, host: "198.18.0.100", port: 5432, clusterName: connected == nil ? nil : cluster,
            startedAt: fault.addingTimeInterval(start), connectedAt: connected.map { fault.addingTimeInterval($0) },
            finishedAt: fault.addingTimeInterval((connected ?? start + 2) + 0.001),
            failure: connected == nil ? .init(code: "connection_failed", message: "timeout expired") : nil)
    }

    @Test func downtimeRunsFromTheFaultToTheFirstConnectionServedByTheNewNode() throws {
        let reports = [
            Self.attempt(-0.10, -0.098, "castor"), Self.attempt(-0.05, -0.047, "castor"),
            Self.attempt(0.00, nil), Self.attempt(0.05, nil), Self.attempt(0.10, nil),
            // An attempt that waited for a retransmitted SYN and finished last, but connected first.
            Self.attempt(1.10, 1.302, "pollux"), Self.attempt(0.20, 1.250, "pollux"),
            Self.attempt(1.30, 1.304, "pollux"),
        ]
        let outage = try #require(
            ServiceOutage.measure(reports: reports, fault: Self.fault, from: "castor", to: "pollux"))
        #expect(outage.downtime == .milliseconds(1_250))
        #expect(outage.gap == .milliseconds(1_297))
        #expect(outage.failedAttempts == 3)
    }

    @Test func anAnswerOfTheNewNodeBeforeTheFaultDoesNotEndTheOutage() throws {
        // A planned switchover back: pollux answered before the operator's command, too.
        let reports = [
            Self.attempt(-1, -0.99, "pollux"), Self.attempt(0, 0.001, "castor"), Self.attempt(0.4, 0.6, "pollux"),
        ]
        let outage = try #require(
            ServiceOutage.measure(reports: reports, fault: Self.fault, from: "castor", to: "pollux"))
        #expect(outage.downtime == .milliseconds(600))
        #expect(outage.gap == .milliseconds(599))
    }

    @Test func noOutageUntilTheNewNodeAnswers() {
        let reports = [Self.attempt(-0.1, -0.09, "castor"), Self.attempt(0, nil)]
        #expect(ServiceOutage.measure(reports: reports, fault: Self.fault, from: "castor", to: "pollux") == nil)
        let unseen = ServiceOutage(fault: Self.fault, lastOldAnswer: nil, firstNewAnswer: Self.fault, failedAttempts: 0)
        #expect(unseen.gap == nil && unseen.downtime == .zero)
    }
}
