import Testing

@testable import PairCore

@Suite struct ConfigParseResultTests {
    @Test func valueIsDroppedWhenThereIsAnError() {
        let error = ConfigDiagnostic(.error, file: "f", line: 1, message: "e")
        let warning = ConfigDiagnostic(.warning, file: "f", line: 2, message: "w")
        let failed = ConfigParseResult(value: 5, diagnostics: [warning, error])
        #expect(failed.value == nil)
        #expect(failed.errors == [error])
        #expect(failed.warnings == [warning])
    }

    @Test func valueIsKeptWithWarningsOnly() {
        let warning = ConfigDiagnostic(.warning, file: "f", line: 2, message: "w")
        #expect(ConfigParseResult(value: 5, diagnostics: [warning]).value == 5)
    }
}
