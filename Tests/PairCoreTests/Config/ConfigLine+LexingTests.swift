import Testing

@testable import PairCore

@Suite struct ConfigLineLexingTests {
    @Test func dropsCommentsAndBlankLinesKeepingLineNumbers() {
        let lexed = ConfigLine.lex(
            "# head\n\nkeepalive 2 # two seconds\n  \tdeadtime\t30\n", comments: .wordStart,
            continuation: false)
        #expect(lexed.lines.map(\.number) == [3, 4])
        #expect(lexed.lines.map(\.normalized) == ["keepalive 2", "deadtime 30"])
    }

    @Test func hashInsideAWordIsNotAComment() {
        let lexed = ConfigLine.lex("pg_options -c a=b#c", comments: .wordStart, continuation: false)
        #expect(lexed.lines.first?.normalized == "pg_options -c a=b#c")
    }

    @Test func wholeLineCommentsKeepHashInWords() {
        let lexed = ConfigLine.lex("  # comment\n1 sha256 #key#", comments: .wholeLine, continuation: false)
        #expect(lexed.lines.map(\.normalized) == ["1 sha256 #key#"])
        #expect(lexed.lines.first?.number == 2)
    }

    @Test func backslashContinuesAndWordsKeepTheirPhysicalLine() {
        let text = "castor 10.0.0.100 \\\n   pgsql\\\n  drbd\npollux 10.0.0.101"
        let lexed = ConfigLine.lex(text, comments: .wordStart, continuation: true)
        #expect(lexed.lines.count == 2)
        #expect(lexed.lines[0].normalized == "castor 10.0.0.100 pgsql drbd")
        #expect(lexed.lines[0].tokens.map(\.line) == [1, 1, 2, 3])
        #expect(lexed.lines[1].number == 4)
        #expect(lexed.danglingContinuations.isEmpty)
    }

    @Test func continuationThroughACommentedTailAndBlankLines() {
        let text = "castor 10.0.0.100 \\ \n# a comment line ends nothing\n  pgsql"
        let lexed = ConfigLine.lex(text, comments: .wordStart, continuation: true)
        #expect(lexed.lines.map(\.normalized) == ["castor 10.0.0.100 pgsql"])
    }

    @Test func continuationAtEndOfFileIsReported() {
        let lexed = ConfigLine.lex("castor 10.0.0.100 \\\n", comments: .wordStart, continuation: true)
        #expect(lexed.danglingContinuations == [1])
        #expect(lexed.lines.map(\.normalized) == ["castor 10.0.0.100"])
    }

    @Test func continuationIntoABlankLineIsReportedAndEndsTheLine() {
        let lexed = ConfigLine.lex(
            "castor 10.0.0.100 \\\n\npollux 10.0.0.101 \\", comments: .wordStart,
            continuation: true)
        #expect(lexed.danglingContinuations == [1, 3])
        #expect(lexed.lines.map(\.normalized) == ["castor 10.0.0.100", "pollux 10.0.0.101"])
    }

    @Test func backslashIsLiteralWithoutContinuation() {
        let lexed = ConfigLine.lex("a b\\\nc", comments: .wordStart, continuation: false)
        #expect(lexed.lines.map(\.normalized) == ["a b\\", "c"])
    }

    @Test func carriageReturnsAreIgnored() {
        let lexed = ConfigLine.lex("node castor\r\nnode pollux\r\n", comments: .wordStart, continuation: false)
        #expect(lexed.lines.map(\.normalized) == ["node castor", "node pollux"])
    }

    @Test func restOfLineKeepsInnerBlanks() {
        let lexed = ConfigLine.lex(
            "pg_conninfo host=/x   dbname='a b'  # c", comments: .wordStart,
            continuation: false)
        #expect(lexed.lines.first?.arguments.first?.restOfLine == "host=/x   dbname='a b'")
    }
}
