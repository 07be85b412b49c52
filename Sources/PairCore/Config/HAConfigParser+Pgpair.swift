extension HAConfigParser {
    /// Handles pgpair's agent, PostgreSQL and monitoring directives; false when `line` is not one of them.
    mutating func handlePgpairDirective(_ line: ConfigLine) -> Bool {
        switch line.directive.text {
        case "state_dir":
            if let path = absolutePath(line) { configuration.agent.stateDirectory = path }
        case "control_socket":
            handleControlSocket(line)
        case "control_socket_group":
            if let name = accountName(line) { configuration.agent.controlSocketGroup = name }
        case "pgdata":
            if let path = absolutePath(line) { configuration.postgres.dataDirectory = path }
        case "pg_bindir":
            if let path = absolutePath(line) { configuration.postgres.binDirectory = path }
        case "pg_port":
            if let port = integer(line, in: 1...65535) { configuration.postgres.port = UInt16(port) }
        case "pg_user":
            if let name = accountName(line) { configuration.postgres.user = name }
        case "pg_conninfo":
            if let conninfo = conninfo(line) { configuration.postgres.conninfo = conninfo }
        case "pg_passfile":
            if let path = absolutePath(line) { configuration.postgres.passfile = path }
        case "pg_options":
            if let words = argumentWords(line) { configuration.postgres.serverOptions = words }
        case "monitor_interval":
            if let value = duration(line) { configuration.monitoring.interval = value }
        case "restart_limit":
            if let value = integer(line, in: 0...1000) { configuration.monitoring.restartLimit = value }
        case "resource_timeout":
            if let value = duration(line) { configuration.monitoring.resourceTimeout = value }
        case "cold_start_takeover":
            if let value = boolean(line) { configuration.coldStartTakeover = value }
        default:
            return false
        }
        return true
    }

    private mutating func handleControlSocket(_ line: ConfigLine) {
        guard let path = absolutePath(line) else { return }
        // sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
        guard path.utf8.count <= 107 else {
            diagnostics.error(
                "`control_socket` is \(path.utf8.count) bytes long; a Unix socket path must be at most 107, "
                    + "e.g. `control_socket /run/pgpair/pgpair.sock`", line: line.number)
            return
        }
        configuration.agent.controlSocket = path
    }

    /// A libpq conninfo without a password (for `pg_conninfo` and `dumpall_source`).
    mutating func conninfo(_ line: ConfigLine) -> String? {
        guard let text = restOfLine(line) else { return nil }
        let name = line.directive.text
        switch ConnInfo.check(text) {
        case .fine:
            return text
        case .password:
            diagnostics.error(
                "`\(name)` must not contain a password (it would show in process lists and logs); remove it and "
                    + "put the password in a libpq password file named by `pg_passfile`, "
                    + "e.g. `pg_passfile /etc/pgpair/pgpass`", line: line.number)
        case .malformed(let reason):
            diagnostics.error("`\(name)` is not a valid connection string: \(reason)", line: line.number)
        }
        return nil
    }
}
