/// What parsing a configuration produced: a validated value when there was no error, and every diagnostic.
public struct ConfigParseResult<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The validated value; nil when at least one diagnostic is an error.
    public var value: Value?
    /// Every error and warning found, in file order.
    public var diagnostics: [ConfigDiagnostic]

    /// Creates a result; `value` is dropped when `diagnostics` holds an error.
    public init(value: Value?, diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics
        self.value = diagnostics.contains(where: \.isError) ? nil : value
    }

    /// The errors only.
    public var errors: [ConfigDiagnostic] { diagnostics.filter(\.isError) }

    /// The warnings only.
    public var warnings: [ConfigDiagnostic] { diagnostics.filter { !$0.isError } }
}
