/// Reads `ha.cf` line by line into an ``HAConfiguration``, collecting every problem on the way.
///
/// The parser always produces a configuration (with defaults where a line was wrong) so that haresources can still
/// be checked against it; callers drop it when ``diagnostics`` holds an error.
struct HAConfigParser {
    let host: HostFacts
    var diagnostics: ConfigDiagnostics
    var configuration: HAConfiguration
    /// The line each single-valued directive was first set on.
    var firstLine: [String: Int] = [:]
    var nodeLines: [(name: String, line: Int)] = []
    var explicitWarntime: Duration?
    var explicitInitdead: Duration?
    var mediumLines: [String: Int] = [:]
    var pingLines: [String: Int] = [:]
    /// Lines that may name `{node}` or `{peer}`, handled once both nodes are known.
    var deferredLines: [ConfigLine] = []

    /// The directives whose values may contain `{node}` and `{peer}`, so that one ha.cf serves both nodes.
    static let nodeDependentDirectives: Set<String> = ["rsync_target", "rsync_source", "dumpall_source", "pg_options"]

    init(file path: String, host: HostFacts) {
        self.host = host
        self.diagnostics = ConfigDiagnostics(file: path)
        self.configuration = HAConfiguration(nodes: [], localNode: host.normalizedNodeName, peerNode: "", media: [])
    }

    /// Parses the whole file and runs the rules that involve several directives.
    static func parse(_ file: ConfigFile, host: HostFacts) -> HAConfigParser {
        var parser = HAConfigParser(file: file.path, host: host)
        for line in ConfigLine.lex(file.text, comments: .wordStart, continuation: false).lines {
            parser.handle(line)
        }
        parser.finish()
        return parser
    }

    mutating func handle(_ line: ConfigLine) {
        let name = line.directive.text
        if Self.nodeDependentDirectives.contains(name) {
            deferredLines.append(line)
            return
        }
        handleNow(line)
    }

    private mutating func handleNow(_ line: ConfigLine) {
        let name = line.directive.text
        if handleHeartbeatDirective(line) || handlePgpairDirective(line) || handleSyncDirective(line)
            || handleFenceDirective(line)
        {
            return
        }
        if let instead = HeartbeatLegacyDirective.insteadByName[name] {
            diagnostics.warning("`\(name)` is a heartbeat directive pgpair does not use: \(instead)", line: line.number)
        } else if let instead = HeartbeatLegacyDirective.unsupportedMedia[name] {
            diagnostics.error("`\(name)` is not supported: \(instead)", line: line.number)
        } else if name != name.lowercased(), isKnown(name.lowercased()) {
            diagnostics.error(
                "unknown directive `\(name)`; directives are lower case: write `\(name.lowercased())`",
                line: line.number)
        } else {
            diagnostics.error(
                "unknown directive `\(name)`; docs/configuration.md lists the directives ha.cf accepts",
                line: line.number)
        }
    }

    private func isKnown(_ name: String) -> Bool {
        HADirectiveExamples.byName[name] != nil || HeartbeatLegacyDirective.insteadByName[name] != nil
    }

    mutating func finish() {
        finishNodes()
        let replacements = [
            (placeholder: "{node}", value: host.normalizedNodeName),
            (placeholder: "{peer}", value: configuration.peerNode.isEmpty ? "peer" : configuration.peerNode),
        ]
        for line in deferredLines {
            handleNow(line.substituting(replacements))
        }
        finishMedia()
        finishTiming()
        finishSync()
        finishFencing()
    }

    private mutating func finishNodes() {
        let names = nodeLines.map(\.name)
        configuration.nodes = names
        if names.count < 2 {
            let found = names.isEmpty ? "no `node` line" : "only node \(names[0])"
            diagnostics.error(
                "ha.cf has \(found); a pair needs exactly two, e.g. `node castor` and `node pollux` "
                    + "(names as `uname -n` prints them)", line: nil)
        }
        guard names.contains(host.normalizedNodeName) else {
            if !names.isEmpty {
                diagnostics.error(
                    "this node, \(host.nodeName), is not one of the nodes (\(names.joined(separator: ", "))); "
                        + "add `node \(host.nodeName)` or run with --node NAME", line: nil)
            }
            return
        }
        configuration.peerNode = names.first { $0 != host.normalizedNodeName } ?? ""
    }
}
