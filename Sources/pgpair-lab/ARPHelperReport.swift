import Foundation

/// The JSON line `pgpair-lab arp` prints:
///
/// ```json
/// {"address":"198.18.0.100","interface":"lan0","ok":true,"result":"in_use","mac":"02:1a:…","answered_after_ms":0.4}
/// {"address":"198.18.0.100","interface":"lan0","ok":true,"result":"free"}
/// {"address":"198.18.0.100","interface":"lan0","ok":true,"result":"announced","frames":8}
/// {"address":"198.18.0.100","interface":"nope0","ok":false,"error":{"code":"interface_missing","message":"…"}}
/// ```
struct ARPHelperReport: Codable, Equatable {
    struct Failure: Codable, Equatable {
        var code: String
        var message: String
    }

    var interface: String
    var address: String
    var ok: Bool
    /// `free`, `in_use` or `announced`; absent on failure.
    var result: String?
    /// The hardware address that claimed the address (`in_use`).
    var mac: String?
    /// When the claim arrived, after the probe began (`in_use`); for the record, not for assertions.
    var answeredAfterMs: Double?
    /// How many frames went out (`announced`).
    var frames: Int?
    var error: Failure?

    enum CodingKeys: String, CodingKey {
        case interface, address, ok, result, mac, frames, error
        case answeredAfterMs = "answered_after_ms"
    }

    /// The report as one line of JSON with sorted keys.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
