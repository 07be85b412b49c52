import ArgumentParser
import Logging
import PairCore
import PairNet

/// `pgpair-lab arp announce`: one run of `ARPAnnouncer` (gratuitous ARP) on an interface; exits 0 once every
/// announcement went out, 1 otherwise.
struct ARPAnnounceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "announce",
        abstract: "Announce an address with gratuitous ARP from this interface's hardware address."
    )

    @Option(help: "The interface holding the address, e.g. lan0.") var interface: String
    @Option(help: "The numeric IPv4 address to announce (198.18.0.0/15).") var address: String
    @Option(help: "What each announcement sends: request, reply or both.") var form = "both"
    @Option(help: "Comma-separated milliseconds after the start at which to announce (default 0,50,100,1000).")
    var scheduleMs: String?
    @Flag(help: "Log each step on standard error.") var verbose = false

    func validate() throws {
        try ARPHelper.validateAddress(address)
        guard forms != nil else { throw ValidationError("--form must be request, reply or both") }
        guard schedule != nil else {
            throw ValidationError("--schedule-ms must be comma-separated milliseconds, each 0–10000")
        }
    }

    func run() async throws {
        var logger = Logger(label: "pgpair.lab.arp")
        logger.logLevel = verbose ? .trace : .warning
        var report = ARPHelperReport(interface: interface, address: address, ok: true)
        let (forms, schedule) = (forms ?? [], schedule ?? [])
        do {
            try await ARPAnnouncer(interface: interface, logger: logger).announce(
                IPv4Address(address)!, schedule: schedule, forms: forms)
            report.result = "announced"
            report.frames = forms.count * schedule.count
        } catch let error as ARPError {
            report.ok = false
            report.error = .init(code: error.code.rawValue, message: error.message)
        }
        print(try report.jsonLine())
        if !report.ok { throw ExitCode.failure }
    }

    private var forms: [ARPAnnouncer.Form]? {
        form == "both" ? ARPAnnouncer.defaultForms : ARPAnnouncer.Form(rawValue: form).map { [$0] }
    }

    private var schedule: [Duration]? {
        guard let scheduleMs else { return ARPAnnouncer.defaultSchedule }
        let moments = scheduleMs.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
        guard !moments.isEmpty, moments.allSatisfy({ $0.map((0...10_000).contains) ?? false }) else { return nil }
        return moments.map { .milliseconds($0!) }
    }
}
