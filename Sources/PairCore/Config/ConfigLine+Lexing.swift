extension ConfigLine {
    /// The result of splitting a file into logical lines.
    struct Lexed: Sendable, Equatable {
        var lines: [ConfigLine]
        /// Lines whose trailing `\` is followed by a blank line or the end of the file.
        var danglingContinuations: [Int]
    }

    /// Splits `text` into logical lines, dropping comments and blank lines.
    ///
    /// With `continuation`, a line ending in `\` continues on the next physical line (comment lines in between are
    /// skipped; a blank line ends it); words keep the number of the physical line they are on so diagnostics point
    /// at the right place.
    static func lex(_ text: String, comments: CommentStyle, continuation: Bool) -> Lexed {
        var result: [ConfigLine] = []
        var pending: ConfigLine?
        var pendingContinues = false
        var lastContinuedLine = 0
        var dangling: [Int] = []
        for (index, rawLine) in physicalLines(of: text).enumerated() {
            let number = index + 1
            var content = stripComment(rawLine, style: comments)
            var continues = false
            if continuation {
                let trimmed = trimTrailingBlanks(content)
                if trimmed.hasSuffix("\\") {
                    continues = true
                    content = trimmed.dropLast()
                    lastContinuedLine = number
                }
            }
            let tokens = tokenize(content, line: number)
            if pendingContinues && tokens.isEmpty && !continues && !rawLine.contains(where: { !isBlank($0) }) {
                dangling.append(lastContinuedLine)
            }
            let isCommentOnly = tokens.isEmpty && !continues && rawLine.contains { !isBlank($0) }
            if pendingContinues && isCommentOnly {
                // A comment line inside a continued line neither ends it nor adds to it.
                continue
            }
            if pendingContinues, var joined = pending {
                joined.tokens += tokens
                pending = joined
            } else if !tokens.isEmpty {
                pending = ConfigLine(number: number, tokens: tokens)
            }
            pendingContinues = continues && (pending != nil)
            if !pendingContinues, let finished = pending {
                result.append(finished)
                pending = nil
            }
        }
        if let finished = pending {
            result.append(finished)
        }
        if pendingContinues {
            dangling.append(lastContinuedLine)
        }
        return Lexed(lines: result, danglingContinuations: dangling)
    }

    private static func physicalLines(of text: String) -> [Substring] {
        // "\r\n" is a single Character in Swift, so both line ends are matched explicitly.
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }

    private static func isBlank(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\u{0B}" || character == "\u{0C}"
    }

    private static func trimTrailingBlanks(_ text: Substring) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, isBlank(text[text.index(before: end)]) {
            end = text.index(before: end)
        }
        return text[text.startIndex..<end]
    }

    private static func stripComment(_ line: Substring, style: CommentStyle) -> Substring {
        switch style {
        case .wholeLine:
            let firstWord = line.drop(while: isBlank)
            return firstWord.hasPrefix("#") ? line[line.endIndex...] : line
        case .wordStart:
            var previousIsBlank = true
            for index in line.indices {
                let character = line[index]
                if character == "#" && previousIsBlank {
                    return line[line.startIndex..<index]
                }
                previousIsBlank = isBlank(character)
            }
            return line
        }
    }

    private static func tokenize(_ content: Substring, line: Int) -> [ConfigToken] {
        var tokens: [ConfigToken] = []
        var index = content.startIndex
        while index < content.endIndex {
            if isBlank(content[index]) {
                index = content.index(after: index)
                continue
            }
            let start = index
            while index < content.endIndex, !isBlank(content[index]) {
                index = content.index(after: index)
            }
            let rest = trimTrailingBlanks(content[start...])
            tokens.append(ConfigToken(text: String(content[start..<index]), line: line, restOfLine: String(rest)))
        }
        return tokens
    }
}
