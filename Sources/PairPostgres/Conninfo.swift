import CLibPQ

/// Builds libpq connection strings from keyword/value pairs, quoting values as libpq requires,
/// and finds the secrets in one so error messages can leave them out.
public struct Conninfo: Sendable, Equatable, CustomStringConvertible {
    public private(set) var parameters: [(keyword: String, value: String)] = []

    public init(_ parameters: KeyValuePairs<String, String> = [:]) {
        for (keyword, value) in parameters { self[keyword] = value }
    }

    /// Sets or replaces a parameter; nil removes it.
    public subscript(keyword: String) -> String? {
        get { parameters.first { $0.keyword == keyword }?.value }
        set {
            parameters.removeAll { $0.keyword == keyword }
            if let newValue { parameters.append((keyword, newValue)) }
        }
    }

    /// The connection string, e.g. `host='198.18.0.1' port='5432'`.
    public var string: String {
        parameters.map { "\($0.keyword)=\(Self.quoted($0.value))" }.joined(separator: " ")
    }

    /// The parameters with any password shown as `***`: safe to log.
    public var description: String {
        parameters.map { "\($0.keyword)=\(Self.isSecret($0.keyword) ? "***" : Self.quoted($0.value))" }
            .joined(separator: " ")
    }

    public static func == (lhs: Conninfo, rhs: Conninfo) -> Bool {
        lhs.string == rhs.string
    }

    /// A value in single quotes with `\` and `'` escaped, the form libpq's parser accepts for any text.
    static func quoted(_ value: String) -> String {
        var result = "'"
        for character in value {
            if character == "\\" || character == "'" { result.append("\\") }
            result.append(character)
        }
        return result + "'"
    }

    static func isSecret(_ keyword: String) -> Bool {
        keyword == "password" || keyword == "sslpassword"
    }

    /// The secret values (passwords) in a connection string or URI, parsed the way libpq parses it;
    /// nil when the string does not parse.
    static func secrets(in conninfo: String) -> [String]? {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            if let errorMessage { PQfreemem(errorMessage) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var secrets: [String] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if isSecret(String(cString: keyword)), let value = option.pointee.val {
                let secret = String(cString: value)
                if !secret.isEmpty { secrets.append(secret) }
            }
            option += 1
        }
        return secrets
    }
}

extension String {
    /// This text with every occurrence of each secret replaced by `***`.
    func redacting(_ secrets: [String]) -> String {
        secrets.reduce(self) { text, secret in
            text.replacing(secret, with: "***")
        }
    }
}
