import ArgumentParser
import Logging
import PairCore
import PairNet

/// `pgpair-lab arp probe`: one run of `ARPProbe` (RFC 5227 probes) on an interface; prints the verdict, and exits
/// 0 with either verdict, 1 when the probe could not be done.
struct ARPProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Send ARP probes for an address and report whether another host holds it."
    )

    @Option(help: "The interface to probe on, e.g. lan0.") var interface: String
    @Option(help: "The numeric IPv4 address to probe for (198.18.0.0/15).") var address: String
    @Option(help: "How many probes to send (default: ARPProbe's, see docs/arp.md).") var probes: Int?
    @Option(help: "Milliseconds between probes (default: ARPProbe's).") var intervalMs: Int?
    @Option(help: "Milliseconds after the first probe to wait for answers (default: ARPProbe's; at most 60000).")
    var timeoutMs: Int?
    @Flag(help: "Log each step on standard error.") var verbose = false

    func validate() throws {
        try ARPHelper.validateAddress(address)
        guard (1...60_000).contains(timeoutMs ?? 1) else { throw ValidationError("--timeout-ms must be 1–60000") }
    }

    func run() async throws {
        var logger = Logger(label: "pgpair.lab.arp")
        logger.logLevel = verbose ? .trace : .warning
        var report = ARPHelperReport(interface: interface, address: address, ok: true)
        let started = ContinuousClock.now
        do {
            let result = try await ARPProbe(interface: interface, logger: logger).probe(
                IPv4Address(address)!, timeout: timeoutMs.map { .milliseconds($0) } ?? ARPProbe.defaultTimeout,
                probes: probes ?? ARPProbe.defaultProbeCount,
                interval: intervalMs.map { .milliseconds($0) } ?? ARPProbe.defaultInterval)
            switch result {
            case .free:
                report.result = "free"
            case .inUse(let mac, let instant):
                report.result = "in_use"
                report.mac = "\(mac)"
                let (seconds, attoseconds) = started.duration(to: instant).components
                report.answeredAfterMs = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            }
        } catch let error as ARPError {
            report.ok = false
            report.error = .init(code: error.code.rawValue, message: error.message)
        }
        print(try report.jsonLine())
        if !report.ok { throw ExitCode.failure }
    }
}
