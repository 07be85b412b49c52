/// Collects the diagnostics of one file while it is parsed.
struct ConfigDiagnostics: Sendable {
    let file: String
    private(set) var all: [ConfigDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { all.contains(where: \.isError) }

    mutating func error(_ message: String, line: Int?) {
        all.append(ConfigDiagnostic(.error, file: file, line: line, message: message))
    }

    mutating func warning(_ message: String, line: Int?) {
        all.append(ConfigDiagnostic(.warning, file: file, line: line, message: message))
    }

    /// Diagnostics in line order; file-level ones (no line) come last, each group keeping the order found.
    var sorted: [ConfigDiagnostic] {
        let indexed = all.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { lhs, rhs in
            let left = lhs.1.line ?? Int.max
            let right = rhs.1.line ?? Int.max
            return left == right ? lhs.0 < rhs.0 : left < right
        }.map(\.1)
    }
}
