extension ConfigLine {
    /// The line with every occurrence of each key of `replacements` (e.g. `{peer}`) replaced in every word.
    func substituting(_ replacements: [(placeholder: String, value: String)]) -> ConfigLine {
        func replace(_ text: String) -> String {
            replacements.reduce(text) { partial, pair in
                partial.split(separator: pair.placeholder, omittingEmptySubsequences: false)
                    .joined(separator: pair.value)
            }
        }
        var copy = self
        copy.tokens = tokens.map {
            ConfigToken(text: replace($0.text), line: $0.line, restOfLine: replace($0.restOfLine))
        }
        return copy
    }
}
