@testable import PairCore

/// A point on a clock that tests move by hand: an offset from the clock's zero.
struct ManualInstant: InstantProtocol, CustomStringConvertible {
    var offset: Duration

    /// The clock's zero.
    static let zero = ManualInstant(offset: .zero)

    /// `milliseconds` after zero.
    static func ms(_ milliseconds: Int64) -> ManualInstant {
        ManualInstant(offset: .milliseconds(milliseconds))
    }

    func advanced(by duration: Duration) -> ManualInstant {
        ManualInstant(offset: offset + duration)
    }

    func duration(to other: ManualInstant) -> Duration {
        other.offset - offset
    }

    static func < (lhs: ManualInstant, rhs: ManualInstant) -> Bool {
        lhs.offset < rhs.offset
    }

    var description: String { "t+\(offset)" }
}
