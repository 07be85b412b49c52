import Testing

@testable import PairCore

@Suite struct ConfigLinePlaceholdersTests {
    @Test func replacesPlaceholdersInWordsAndRestOfLine() {
        let line = ConfigLine.lex(
            "pg_options -c cluster_name={node} -c x={peer}", comments: .wordStart,
            continuation: false
        ).lines[0]
        let replaced = line.substituting([("{node}", "castor"), ("{peer}", "pollux")])
        #expect(replaced.normalized == "pg_options -c cluster_name=castor -c x=pollux")
        #expect(replaced.arguments.first?.restOfLine == "-c cluster_name=castor -c x=pollux")
        #expect(replaced.number == line.number)
    }
}
