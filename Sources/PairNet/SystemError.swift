import Glibc

/// The text of a C library error number, e.g. `No such device (errno 19)`.
enum SystemError {
    static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// The text of the current `errno`.
    static var current: String { describe(errno) }
}
