import Foundation

extension JSONEncoder {
    /// The encoder for `status --json` and control-socket answers: stable key order, readable, `/` unescaped.
    public static var status: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
