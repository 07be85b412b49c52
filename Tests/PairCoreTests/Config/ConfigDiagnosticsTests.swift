import Testing

@testable import PairCore

@Suite struct ConfigDiagnosticsTests {
    @Test func sortsByLineKeepingOrderFoundAndFileLevelLast() {
        var diagnostics = ConfigDiagnostics(file: "f")
        diagnostics.error("late", line: 9)
        diagnostics.error("whole file", line: nil)
        diagnostics.warning("early", line: 2)
        diagnostics.error("also late", line: 9)
        #expect(diagnostics.sorted.map(\.message) == ["early", "late", "also late", "whole file"])
        #expect(diagnostics.hasErrors)
    }

    @Test func warningsAloneAreNotErrors() {
        var diagnostics = ConfigDiagnostics(file: "f")
        diagnostics.warning("w", line: 1)
        #expect(!diagnostics.hasErrors)
        #expect(diagnostics.all.first?.file == "f")
    }
}
