/// Reads `authkeys`. No message it writes ever contains a word of a key line other than a key id or method.
struct AuthKeysParser {
    var diagnostics: ConfigDiagnostics
    var signingKey: (id: Int, line: Int)?
    var keys: [AuthKey] = []
    /// Every valid key id written on a key line, also on lines with errors (no second error for `auth`).
    var mentionedIDs: Set<Int> = []

    /// Keys shorter than this get a warning.
    static let shortKeyLength = 16

    init(file path: String) {
        self.diagnostics = ConfigDiagnostics(file: path)
    }

    /// Parses the whole file.
    static func parse(_ file: ConfigFile) -> AuthKeysParser {
        var parser = AuthKeysParser(file: file.path)
        for line in ConfigLine.lex(file.text, comments: .wholeLine, continuation: false).lines {
            parser.handle(line)
        }
        parser.finish()
        return parser
    }

    var result: AuthKeys? {
        signingKey.map { AuthKeys(signingKeyID: $0.id, keys: keys) }
    }

    mutating func handle(_ line: ConfigLine) {
        if line.directive.text == "auth" {
            handleAuth(line)
        } else if line.directive.text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            handleKey(line)
        } else {
            diagnostics.error(
                "this is not an authkeys line; write `auth N` or `N sha256 KEY` (a `#` starts a comment only at "
                    + "the start of a line)", line: line.number)
        }
    }

    private mutating func handleAuth(_ line: ConfigLine) {
        if let first = signingKey {
            diagnostics.error("`auth` is already set on line \(first.line); keep one `auth` line", line: line.number)
            return
        }
        guard line.arguments.count == 1, let id = Self.keyID(line.arguments.first?.text) else {
            diagnostics.error("`auth` takes the id of the signing key, 1 to 15, e.g. `auth 1`", line: line.number)
            return
        }
        signingKey = (id, line.number)
    }

    private mutating func handleKey(_ line: ConfigLine) {
        guard let id = Self.keyID(line.directive.text) else {
            diagnostics.error("a key id must be from 1 to 15", line: line.number)
            return
        }
        mentionedIDs.insert(id)
        let arguments = Array(line.arguments)
        let methods = AuthMethod.allCases.map(\.rawValue).joined(separator: ", ")
        guard let methodWord = arguments.first, let method = AuthMethod(rawValue: methodWord.text.lowercased()) else {
            diagnostics.error(
                "key \(id) needs a method, one of \(methods): write `\(id) sha256 KEY`", line: line.number)
            return
        }
        if let duplicate = keys.first(where: { $0.id == id }) {
            diagnostics.error(
                "key \(id) is already defined on line \(duplicate.line); give each key its own id",
                line: line.number)
            return
        }
        let keyWords = arguments.dropFirst()
        switch (method.needsKey, keyWords.count) {
        case (false, 0):
            diagnostics.warning(
                "key \(id) uses crc, which authenticates nothing: anyone who can reach a heartbeat link can forge "
                    + "messages; write `\(id) sha256 KEY` with a key from `openssl rand -hex 32`", line: line.number)
            keys.append(AuthKey(id: id, method: method, secret: nil, line: line.number))
        case (false, _):
            diagnostics.error("key \(id) uses crc, which takes no key; write `\(id) crc`", line: line.number)
        case (true, 0):
            diagnostics.error(
                "key \(id) (\(method.rawValue)) needs a key: write `\(id) \(method.rawValue) KEY`, e.g. with a key "
                    + "from `openssl rand -hex 32`", line: line.number)
        case (true, 1):
            let secret = AuthSecret(bytes: Array(keyWords[keyWords.startIndex].text.utf8))
            if secret.bytes.count < Self.shortKeyLength {
                diagnostics.warning(
                    "key \(id) is shorter than \(Self.shortKeyLength) characters; use a long random key, e.g. from "
                        + "`openssl rand -hex 32`", line: line.number)
            }
            keys.append(AuthKey(id: id, method: method, secret: secret, line: line.number))
        case (true, _):
            diagnostics.error("the key of key \(id) must be one word, without blanks", line: line.number)
        }
    }

    private static func keyID(_ text: String?) -> Int? {
        guard let text, text.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(text),
            AuthKeys.validIDs.contains(id)
        else { return nil }
        return id
    }

    mutating func finish() {
        guard let signing = signingKey else {
            diagnostics.error("authkeys has no `auth` line; write `auth 1` to sign with key 1", line: nil)
            return
        }
        if !mentionedIDs.contains(signing.id) {
            diagnostics.error(
                "`auth \(signing.id)` names a key that is not defined; add `\(signing.id) sha256 KEY` or name one of "
                    + "the keys listed", line: signing.line)
        }
    }
}
