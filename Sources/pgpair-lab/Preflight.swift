import ArgumentParser
import PairLab

/// `pgpair-lab preflight`: the lab's isolation check on its own — exits 0 when this network namespace has
/// no default route, 1 (with the reason) when the lab would refuse to start here.
struct Preflight: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that this network namespace has no route off the machine, as the lab does before it starts."
    )

    func run() async throws {
        do {
            try await NetworkSafety.requireIsolation()
            print("isolated: this network namespace has no default route")
        } catch {
            print("\(error)")
            throw ExitCode.failure
        }
    }
}
