import PairCore
import Testing

@testable import PairNet

@Suite("ARP probe plans")
struct ARPProbePlanTests {
    static let service = IPv4Address("198.18.0.100")!

    @Test("the defaults make a plan: three probes 30 ms apart, verdict at 200 ms")
    func defaults() throws {
        let plan = try ARPProbePlan(
            address: Self.service, probes: ARPProbe.defaultProbeCount, interval: ARPProbe.defaultInterval,
            timeout: ARPProbe.defaultTimeout)
        #expect((0..<plan.probes).map(plan.offset(ofProbe:)) == [.zero, .milliseconds(30), .milliseconds(60)])
        #expect(plan.timeout == .milliseconds(200))
    }

    @Test(
        "a schedule whose last probe is not before the verdict is refused",
        arguments: [
            (0, Duration.milliseconds(30), Duration.milliseconds(200)),
            (3, .milliseconds(100), .milliseconds(200)),
            (1, .zero, .zero),
            (2, .milliseconds(-1), .milliseconds(200)),
        ])
    func invalidSchedule(probes: Int, interval: Duration, timeout: Duration) {
        do {
            _ = try ARPProbePlan(address: Self.service, probes: probes, interval: interval, timeout: timeout)
            Issue.record("\(probes) probes \(interval) apart in \(timeout) were accepted")
        } catch {
            #expect(error.code == .invalidSchedule)
        }
    }

    @Test("one probe, or probes back to back, fit", arguments: [(1, Duration.seconds(5)), (3, .zero)])
    func valid(probes: Int, interval: Duration) throws {
        _ = try ARPProbePlan(address: Self.service, probes: probes, interval: interval, timeout: .milliseconds(1))
    }

    @Test(
        "an address no host can have is refused",
        arguments: ["0.0.0.0", "255.255.255.255", "224.0.0.1", "127.0.0.1"])
    func invalidAddress(text: String) {
        do {
            _ = try ARPProbePlan(
                address: IPv4Address(text)!, probes: 3, interval: .milliseconds(30), timeout: .milliseconds(200))
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == .invalidAddress)
        }
    }
}
