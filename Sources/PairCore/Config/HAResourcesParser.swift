/// Reads `haresources` into groups, checking each resource and the rules between groups.
struct HAResourcesParser {
    /// What haresources is checked against: the nodes and default pgdata from ha.cf, and this host.
    struct Context: Sendable {
        /// The nodes ha.cf declares; home nodes are checked only when there are exactly two.
        var nodes: [String]
        /// `pgdata` from ha.cf.
        var defaultDataDirectory: String?
        /// Where scripts are looked up, and how.
        var host: HostFacts
    }

    /// The built-in resource names.
    static let builtInNames = ["IPaddr", "IPaddr2", "pgsql"]

    let context: Context
    var diagnostics: ConfigDiagnostics
    var groups: [ResourceGroup] = []
    /// Where each resource identity (address, `pgsql`, script with arguments) was first seen.
    var identities: [String: Int] = [:]

    init(file path: String, context: Context) {
        self.context = context
        self.diagnostics = ConfigDiagnostics(file: path)
    }

    /// Parses the whole file.
    static func parse(_ file: ConfigFile, context: Context) -> HAResourcesParser {
        var parser = HAResourcesParser(file: file.path, context: context)
        let lexed = ConfigLine.lex(file.text, comments: .wordStart, continuation: true)
        for line in lexed.lines {
            parser.handle(line)
        }
        for line in lexed.danglingContinuations {
            parser.diagnostics.error(
                "this line ends in `\\` but no line follows; remove the `\\` or continue the group", line: line)
        }
        parser.finish()
        return parser
    }

    mutating func handle(_ line: ConfigLine) {
        let home = line.directive.text.lowercased()
        if context.nodes.count == 2, !context.nodes.contains(home) {
            let message =
                IPv4Address(line.directive.text) != nil || line.directive.text.contains("::")
                ? "a group starts with its home node"
                : "`\(line.directive.text)` is not a node; a group starts with its home node"
            diagnostics.error(
                "\(message), \(context.nodes.joined(separator: " or ")), e.g. `\(context.nodes[0]) 10.0.0.100 pgsql`",
                line: line.number)
        }
        guard !line.arguments.isEmpty else {
            diagnostics.error(
                "the group of \(home) has no resources; write them after the node, e.g. `\(home) 10.0.0.100 pgsql`",
                line: line.number)
            return
        }
        var resources: [Resource] = []
        for token in line.arguments {
            if let resource = resource(from: token) {
                resources.append(resource)
            }
        }
        guard resources.count == line.arguments.count else { return }
        let group = ResourceGroup(homeNode: home, resources: resources, line: line.number)
        checkUniqueness(of: group)
        groups.append(group)
    }

    private mutating func checkUniqueness(of group: ResourceGroup) {
        if let earlier = groups.first(where: { $0.name == group.name }) {
            diagnostics.error(
                "the group on line \(earlier.line) already starts with `\(group.name)`; a group is named by its "
                    + "first resource, so each group must start with a different one", line: group.line)
            return
        }
        if group.resources.count(where: \.isPostgres) > 1 {
            diagnostics.error("`pgsql` appears twice in this group; keep one", line: group.line)
            return
        }
        if group.holdsPostgres, let earlier = groups.first(where: \.holdsPostgres) {
            diagnostics.error(
                "the group on line \(earlier.line) already holds `pgsql`; only one group may hold PostgreSQL",
                line: group.line)
            return
        }
        for resource in group.resources {
            let identity = Self.identity(of: resource)
            if let first = identities[identity] {
                diagnostics.error(
                    "`\(resource.written)` is already used on line \(first); a resource may appear only once",
                    line: resource.line)
            } else {
                identities[identity] = resource.line
            }
        }
    }

    private static func identity(of resource: Resource) -> String {
        switch resource.kind {
        case .serviceAddress(let address): return "address \(address.address)"
        case .postgres: return "pgsql"
        case .script(let name, _, let arguments): return ([name] + arguments).joined(separator: "::")
        }
    }

    mutating func finish() {
        if groups.isEmpty && !diagnostics.hasErrors {
            let home = context.nodes.first ?? "castor"
            diagnostics.error(
                "haresources declares no group; write one line per group, e.g. `\(home) 10.0.0.100 pgsql`", line: nil)
        }
        for group in groups where group.holdsPostgres && !group.resources.contains(where: \.isServiceAddress) {
            diagnostics.warning(
                "the group `\(group.name)` holds pgsql but no service address: clients cannot follow PostgreSQL "
                    + "to the other node; add one before pgsql, e.g. `\(group.homeNode) 10.0.0.100 pgsql`",
                line: group.line)
        }
    }
}
