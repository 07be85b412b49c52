import Testing

@testable import PairCore

@Suite struct HAConfigParserPgpairTests {
    @Test func everyPgpairDirective() throws {
        let lines = """
            state_dir /srv/pgpair/state
            control_socket /run/pgpair/ctl.sock
            control_socket_group pgpair-monitor
            pg_bindir /usr/lib/postgresql/16/bin
            pg_port 5433
            pg_user pgsql
            pg_conninfo host=/var/run/postgresql dbname=postgres user=postgres
            pg_passfile /etc/pgpair/pgpass
            pg_options -c cluster_name=castor -c "listen_addresses=10.0.0.100, localhost"
            monitor_interval 500ms
            restart_limit 0
            resource_timeout 300
            cold_start_takeover yes
            """
        let result = ConfigFixtures.ha(lines)
        #expect(result.diagnostics.isEmpty)
        let ha = try #require(result.value)
        #expect(
            ha.agent
                == AgentSettings(
                    stateDirectory: "/srv/pgpair/state", controlSocket: "/run/pgpair/ctl.sock",
                    controlSocketGroup: "pgpair-monitor"))
        #expect(
            ha.postgres
                == PostgresSettings(
                    dataDirectory: "/var/lib/postgresql/16/main", binDirectory: "/usr/lib/postgresql/16/bin",
                    port: 5433,
                    user: "pgsql", conninfo: "host=/var/run/postgresql dbname=postgres user=postgres",
                    passfile: "/etc/pgpair/pgpass",
                    serverOptions: ["-c", "cluster_name=castor", "-c", "listen_addresses=10.0.0.100, localhost"]))
        #expect(
            ha.monitoring
                == MonitorSettings(
                    interval: .milliseconds(500), restartLimit: 0,
                    resourceTimeout: .seconds(300)))
        #expect(ha.coldStartTakeover)
    }

    @Test(arguments: [
        "state_dir var/lib/pgpair", "control_socket pgpair.sock", "control_socket_group -x", "control_socket_group",
        "pgdata relative", "pg_bindir", "pg_port 0", "pg_port 65536", "pg_port five", "pg_user a:b",
        "pg_passfile ~/.pgpass", "pg_options -c 'open", "monitor_interval 0", "restart_limit -1", "restart_limit 1001",
        "resource_timeout never", "cold_start_takeover perhaps", "pg_conninfo host=x dbname",
        "control_socket /run/" + String(repeating: "x", count: 110),
    ])
    func malformedValues(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(result.errors.map(\.line) == [6], "\(result.diagnostics)")
    }

    @Test(arguments: ["pg_conninfo host=pollux password=secret", "pg_conninfo postgresql://u:secret@pollux/db"])
    func passwordInConninfoIsRefusedWithoutShowingIt(line: String) {
        let result = ConfigFixtures.ha(line)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:6: `pg_conninfo` must not contain a password (it would show in process lists and logs); remove "
                    + "it and put the password in a libpq password file named by `pg_passfile`, "
                    + "e.g. `pg_passfile /etc/pgpair/pgpass`"
            ])
        #expect(!result.diagnostics[0].message.contains("secret"))
    }

    @Test func duplicateDirectiveNamesTheFirstLine() {
        let result = ConfigFixtures.ha("pg_port 5433\npg_port 5434")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "ha.cf:7: `pg_port` is already set on line 6; keep one `pg_port` line"
            ])
    }

    @Test func pgdataTwiceNamesTheFirstLine() {
        #expect(
            ConfigFixtures.ha("pgdata /srv/pg").errors.map(\.message) == [
                "`pgdata` is already set on line 5; keep one `pgdata` line"
            ])
    }
}
