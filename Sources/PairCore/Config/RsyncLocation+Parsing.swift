extension RsyncLocation {
    /// Why a location was refused.
    enum ParseError: Error, Equatable {
        case localPath
        case password
        case malformed
    }

    /// Parses one of rsync's remote forms; local paths, passwords and malformed forms are refused.
    static func parse(_ text: String) throws(ParseError) -> RsyncLocation {
        if text.hasPrefix("rsync://") {
            return try parseURL(text)
        }
        if let at = text.firstIndex(of: "@"), text[..<at].contains(":"), !text[..<at].contains("/") {
            throw .password
        }
        guard let colon = text.firstIndex(of: ":"), !text[..<colon].contains("/") else { throw .localPath }
        let (user, host) = try splitUser(String(text[..<colon]))
        guard isPlausibleHost(host) else { throw .malformed }
        let afterColon = text[text.index(after: colon)...]
        if afterColon.hasPrefix(":") {
            let modulePath = afterColon.dropFirst()
            let module = modulePath.prefix { $0 != "/" }
            guard !module.isEmpty else { throw .malformed }
            let path = String(modulePath.dropFirst(module.count).drop { $0 == "/" })
            return RsyncLocation(
                transport: .daemon, user: user, host: host, port: nil, module: String(module), path: path,
                written: text)
        }
        guard !afterColon.isEmpty else { throw .malformed }
        return RsyncLocation(
            transport: .remoteShell, user: user, host: host, port: nil, module: nil, path: String(afterColon),
            written: text)
    }

    private static func parseURL(_ text: String) throws(ParseError) -> RsyncLocation {
        let rest = text.dropFirst("rsync://".count)
        let authority = rest.prefix { $0 != "/" }
        let modulePath = rest.dropFirst(authority.count).drop { $0 == "/" }
        let module = modulePath.prefix { $0 != "/" }
        guard !module.isEmpty else { throw .malformed }
        let (user, hostPort) = try splitUser(String(authority))
        var host = hostPort
        var port: UInt16?
        if let colon = hostPort.lastIndex(of: ":") {
            guard let number = UInt16(hostPort[hostPort.index(after: colon)...]), number > 0 else { throw .malformed }
            host = String(hostPort[..<colon])
            port = number
        }
        guard isPlausibleHost(host) else { throw .malformed }
        let path = String(modulePath.dropFirst(module.count).drop { $0 == "/" })
        return RsyncLocation(
            transport: .daemon, user: user, host: host, port: port, module: String(module), path: path, written: text)
    }

    private static func splitUser(_ text: String) throws(ParseError) -> (String?, String) {
        guard let at = text.lastIndex(of: "@") else { return (nil, text) }
        let user = String(text[..<at])
        let host = String(text[text.index(after: at)...])
        if user.contains(":") { throw .password }
        guard !user.isEmpty, !host.isEmpty else { throw .malformed }
        return (user, host)
    }

    static func isPlausibleHost(_ host: String) -> Bool {
        !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }
    }
}
