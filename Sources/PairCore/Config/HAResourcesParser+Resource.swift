extension HAResourcesParser {
    /// Parses one resource word: a bare address, `IPaddr[2]::…`, `pgsql[::PGDATA]` or a script.
    mutating func resource(from token: ConfigToken) -> Resource? {
        let text = token.text
        let parts = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        let arguments = Array(parts.dropFirst())
        if name.isEmpty || arguments.contains(where: \.isEmpty) {
            diagnostics.error(
                "`\(text)` is malformed: write NAME or NAME::ARGUMENT, e.g. `IPaddr::10.0.0.100/24/eth0`",
                line: token.line)
            return nil
        }
        if let first = name.split(separator: "/").first, IPv4Address(first) != nil {
            guard arguments.isEmpty else {
                diagnostics.error(
                    "`\(text)` is malformed: a bare address takes no `::` arguments; write `IPaddr::\(name)`",
                    line: token.line)
                return nil
            }
            return serviceAddress(name, token: token)
        }
        switch name {
        case "IPaddr", "IPaddr2":
            guard arguments.count == 1 else {
                diagnostics.error(
                    "`\(name)` takes one argument, e.g. `\(name)::10.0.0.100/24/eth0`", line: token.line)
                return nil
            }
            return serviceAddress(arguments[0], token: token)
        case "pgsql":
            return postgres(arguments, token: token)
        default:
            return script(name, arguments: arguments, token: token)
        }
    }

    private mutating func serviceAddress(_ argument: String, token: ConfigToken) -> Resource? {
        switch ServiceAddress.parse(argument) {
        case .success(let address):
            return Resource(kind: .serviceAddress(address), written: token.text, line: token.line)
        case .failure(let failure):
            diagnostics.error(failure.message, line: token.line)
            return nil
        }
    }

    private mutating func postgres(_ arguments: [String], token: ConfigToken) -> Resource? {
        guard arguments.count <= 1 else {
            diagnostics.error(
                "`pgsql` takes at most one argument, the data directory, e.g. `pgsql::/var/lib/postgresql/16/main`",
                line: token.line)
            return nil
        }
        if let directory = arguments.first, !directory.hasPrefix("/") {
            diagnostics.error(
                "the data directory `\(directory)` must be an absolute path, e.g. `pgsql::/var/lib/postgresql/16/main`",
                line: token.line)
            return nil
        }
        guard let directory = arguments.first ?? context.defaultDataDirectory else {
            diagnostics.error(
                "`pgsql` needs a data directory: set `pgdata` in ha.cf, or write `pgsql::/var/lib/postgresql/16/main`",
                line: token.line)
            return nil
        }
        return Resource(kind: .postgres(dataDirectory: directory), written: token.text, line: token.line)
    }

    private mutating func script(_ name: String, arguments: [String], token: ConfigToken) -> Resource? {
        if let builtIn = Self.builtInNames.first(where: { $0.lowercased() == name.lowercased() }) {
            diagnostics.error(
                "unknown resource `\(name)`; resource names are case-sensitive: write `\(builtIn)`",
                line: token.line)
            return nil
        }
        guard !name.contains("/"), name != ".", name != ".." else {
            diagnostics.error(
                "`\(name)` must be a script's name, not a path; put the script in "
                    + "\(directory(context.host.configDirectory, "resource.d"))/", line: token.line)
            return nil
        }
        if name == "postgresql" {
            diagnostics.warning(
                "`postgresql` runs the init script without pgpair's data handling (no copy is installed before it "
                    + "starts, readiness is not watched); write `pgsql` instead", line: token.line)
        }
        let candidates = [directory(context.host.configDirectory, "resource.d/\(name)"), "/etc/init.d/\(name)"]
        for path in candidates {
            switch context.host.scriptLocator.status(ofScriptAt: path) {
            case .executable:
                return Resource(
                    kind: .script(name: name, path: path, arguments: arguments), written: token.text, line: token.line)
            case .notExecutable:
                diagnostics.error(
                    "the script for resource `\(name)`, \(path), is not executable: run `chmod 755 \(path)`",
                    line: token.line)
                return nil
            case .missing:
                continue
            }
        }
        diagnostics.error(
            "resource `\(name)` is not built in (IPaddr, IPaddr2, pgsql) and no script was found at "
                + "\(candidates.joined(separator: " or ")); install it there (heartbeat kept them in "
                + "/etc/ha.d/resource.d/)", line: token.line)
        return nil
    }

    private func directory(_ base: String, _ child: String) -> String {
        base.hasSuffix("/") ? base + child : base + "/" + child
    }
}
