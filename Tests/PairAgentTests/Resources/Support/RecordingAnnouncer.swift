import PairCore
import Synchronization

@testable import PairAgent

/// Records each announcement, and whether the address was already on the interface when it was made.
final class RecordingAnnouncer: AddressAnnouncer {
    private let control: any AddressControl
    private let recorded = Mutex<[String]>([])

    init(control: any AddressControl) {
        self.control = control
    }

    var calls: [String] { recorded.withLock { $0 } }

    func announce(_ address: IPv4Address, on interface: String) async throws {
        let present = try await control.holder(of: address, on: interface) != nil
        recorded.withLock { $0.append("\(address) on \(interface), \(present ? "present" : "absent")") }
    }
}
