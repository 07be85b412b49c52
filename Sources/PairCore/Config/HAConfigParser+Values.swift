extension HAConfigParser {
    /// Records a single-valued directive; false (with an error) when it was already set.
    mutating func once(_ line: ConfigLine, as key: String? = nil) -> Bool {
        let key = key ?? line.directive.text
        if let first = firstLine[key] {
            diagnostics.error(
                "`\(key)` is already set on line \(first); keep one `\(key)` line", line: line.number)
            return false
        }
        firstLine[key] = line.number
        return true
    }

    /// The one argument of a single-valued directive; nil (with an error) when there is none or more than one.
    mutating func singleValue(_ line: ConfigLine) -> ConfigToken? {
        let name = line.directive.text
        guard once(line) else { return nil }
        switch line.arguments.count {
        case 1:
            return line.arguments.first
        case 0:
            diagnostics.error("`\(name)` needs a value, \(HADirectiveExamples.hint(name))", line: line.number)
        default:
            diagnostics.error(
                "`\(name)` takes one value, not \(line.arguments.count); \(HADirectiveExamples.hint(name))",
                line: line.number)
        }
        return nil
    }

    /// The rest of the line after the directive, for directives whose value may contain blanks.
    mutating func restOfLine(_ line: ConfigLine) -> String? {
        let name = line.directive.text
        guard once(line) else { return nil }
        guard let first = line.arguments.first else {
            diagnostics.error("`\(name)` needs a value, \(HADirectiveExamples.hint(name))", line: line.number)
            return nil
        }
        return first.restOfLine
    }

    /// A time value; `allowZero` admits `0`.
    mutating func duration(_ line: ConfigLine, allowZero: Bool = false) -> Duration? {
        guard let token = singleValue(line) else { return nil }
        let name = line.directive.text
        guard let value = Duration(configValue: token.text) else {
            diagnostics.error(
                "`\(name) \(token.text)` is not a time; write seconds (`30`, `0.5`) or milliseconds (`500ms`), "
                    + HADirectiveExamples.hint(name), line: line.number)
            return nil
        }
        if value == .zero && !allowZero {
            diagnostics.error(
                "`\(name)` must be more than zero (a value below 0.5ms rounds to 0); \(HADirectiveExamples.hint(name))",
                line: line.number)
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    mutating func integer(_ line: ConfigLine, in range: ClosedRange<Int>) -> Int? {
        guard let token = singleValue(line) else { return nil }
        return integer(token, named: line.directive.text, in: range)
    }

    /// A whole number within `range`, from one word of a line.
    mutating func integer(_ token: ConfigToken, named name: String, in range: ClosedRange<Int>) -> Int? {
        guard token.text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(token.text),
            range.contains(value)
        else {
            diagnostics.error(
                "`\(name)` must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "not `\(token.text)`; "
                    + HADirectiveExamples.hint(name), line: token.line)
            return nil
        }
        return value
    }

    /// `on|off`, `yes|no`, `true|false`, `1|0`, as heartbeat reads booleans.
    mutating func boolean(_ line: ConfigLine) -> Bool? {
        guard let token = singleValue(line) else { return nil }
        if let value = Self.booleanValue(token.text) { return value }
        let name = line.directive.text
        diagnostics.error(
            "`\(name) \(token.text)` is not a yes/no value; write `\(name) yes` or `\(name) no` (on/off also work)",
            line: line.number)
        return nil
    }

    static func booleanValue(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "on", "yes", "y", "true", "1": return true
        case "off", "no", "n", "false", "0": return false
        default: return nil
        }
    }

    /// An absolute path.
    mutating func absolutePath(_ line: ConfigLine) -> String? {
        guard let token = singleValue(line) else { return nil }
        return absolutePath(token, named: line.directive.text)
    }

    /// An absolute path from one word of a line.
    mutating func absolutePath(_ token: ConfigToken, named name: String) -> String? {
        guard token.text.hasPrefix("/") else {
            diagnostics.error(
                "`\(name)` needs an absolute path, not `\(token.text)`; \(HADirectiveExamples.hint(name))",
                line: token.line)
            return nil
        }
        return token.text
    }

    /// A user or group name as `useradd` and `groupadd` accept them.
    mutating func accountName(_ line: ConfigLine) -> String? {
        guard let token = singleValue(line) else { return nil }
        let text = token.text
        let valid =
            !text.hasPrefix("-") && text.count <= 32
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        guard valid else {
            diagnostics.error(
                "`\(text)` is not a valid user or group name; \(HADirectiveExamples.hint(line.directive.text))",
                line: line.number)
            return nil
        }
        return text
    }

    /// Words of option text (quotes group words; nothing is expanded).
    mutating func argumentWords(_ line: ConfigLine) -> [String]? {
        guard let text = restOfLine(line) else { return nil }
        guard let words = ArgumentWords.split(text) else {
            diagnostics.error(
                "`\(line.directive.text)` has an unclosed quote or a trailing backslash", line: line.number)
            return nil
        }
        return words
    }

    /// True when `name` is a plausible network interface name (at most 15 bytes, no `/` or blanks).
    static func isInterfaceName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 15 && name != "." && name != ".."
            && name.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != "/" }
    }

    /// True when `name` is a plausible host name (letters, digits, `-`, `.`, `_`).
    static func isHostName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 253 && !name.hasPrefix("-")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
    }
}
