import Foundation

/// A failure of one of the small helpers the lab runs in its namespaces (`capture`, `send-udp`): a sentence
/// on standard error and exit status 1.
struct HelperError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// `strerror(errno)`, for messages.
    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
