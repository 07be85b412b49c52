import Testing

@testable import PairCore

@Suite struct ConfigDiagnosticTests {
    @Test func errorRendersFileLineMessage() {
        let diagnostic = ConfigDiagnostic(.error, file: "/etc/pgpair/ha.cf", line: 12, message: "bad")
        #expect(diagnostic.rendered == "/etc/pgpair/ha.cf:12: bad")
        #expect(diagnostic.description == diagnostic.rendered)
        #expect(diagnostic.isError)
    }

    @Test func warningRendersWithWarningPrefix() {
        let diagnostic = ConfigDiagnostic(.warning, file: "ha.cf", line: 3, message: "careful")
        #expect(diagnostic.rendered == "ha.cf:3: warning: careful")
        #expect(!diagnostic.isError)
    }

    @Test func fileLevelDiagnosticHasNoLine() {
        #expect(ConfigDiagnostic(.error, file: "ha.cf", line: nil, message: "no medium").rendered == "ha.cf: no medium")
        #expect(
            ConfigDiagnostic(.warning, file: "ha.cf", line: nil, message: "hm").rendered == "ha.cf: warning: hm")
    }
}
