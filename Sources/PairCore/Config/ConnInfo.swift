/// Checks a libpq connection string (keyword/value or URI form) without connecting.
enum ConnInfo {
    /// What the check found.
    enum Finding: Equatable {
        case fine
        case password
        case malformed(String)
    }

    /// Looks for a password in `text`, and for syntax libpq would refuse.
    static func check(_ text: String) -> Finding {
        if text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") {
            return checkURI(text)
        }
        return checkKeywords(text)
    }

    private static func checkURI(_ text: String) -> Finding {
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") {
            return .password
        }
        if let query = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: query)...].split(separator: "&") {
                if pair.prefix(while: { $0 != "=" }).lowercased() == "password" { return .password }
            }
        }
        return .fine
    }

    private static func checkKeywords(_ text: String) -> Finding {
        var characters = Substring(text)
        while true {
            characters = characters.drop { $0 == " " || $0 == "\t" }
            if characters.isEmpty { return .fine }
            let keyword = characters.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            characters = characters.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            guard !keyword.isEmpty, characters.first == "=" else {
                return .malformed("`\(keyword)` has no `=value`; write keyword=value pairs, e.g. host=/run/postgresql")
            }
            characters = characters.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard let rest = dropValue(characters) else {
                return .malformed("the quoted value of `\(keyword)` is not closed")
            }
            if keyword.lowercased() == "password" { return .password }
            characters = rest
        }
    }

    /// Drops one value (plain, or single-quoted with backslash escapes); nil when a quote is not closed.
    private static func dropValue(_ text: Substring) -> Substring? {
        guard text.first == "'" else {
            return text.drop { $0 != " " && $0 != "\t" }
        }
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            switch text[index] {
            case "\\":
                index = text.index(after: index)
                guard index < text.endIndex else { return nil }
            case "'":
                return text[text.index(after: index)...]
            default:
                break
            }
            index = text.index(after: index)
        }
        return nil
    }
}
