/// An example line for every directive pgpair understands in ha.cf, quoted in diagnostics and the reference.
enum HADirectiveExamples {
    /// Directive name → a correct example line.
    static let byName: [String: String] = [
        // heartbeat's
        "keepalive": "keepalive 1",
        "deadtime": "deadtime 30",
        "warntime": "warntime 10",
        "initdead": "initdead 60",
        "udpport": "udpport 694",
        "bcast": "bcast eth2",
        "mcast": "mcast eth2 239.192.0.42 694 1 0",
        "ucast": "ucast eth1 10.0.0.2",
        "udp": "bcast eth2",
        "serial": "serial /dev/ttyS0",
        "baud": "baud 19200",
        "node": "node castor",
        "auto_failback": "auto_failback off",
        "nice_failback": "auto_failback off",
        "ping": "ping 10.0.0.254",
        "ping_group": "ping_group routers 10.0.0.253 10.0.0.254",
        "logfacility": "logfacility daemon",
        "logfile": "logfile /var/log/pgpair.log",
        "debugfile": "debugfile /var/log/pgpair-debug.log",
        "crm": "crm off",
        "pacemaker": "pacemaker off",
        // pgpair's
        "state_dir": "state_dir /var/lib/pgpair",
        "control_socket": "control_socket /run/pgpair/pgpair.sock",
        "control_socket_group": "control_socket_group pgpair",
        "pgdata": "pgdata /var/lib/postgresql/16/main",
        "pg_bindir": "pg_bindir /usr/lib/postgresql/16/bin",
        "pg_port": "pg_port 5432",
        "pg_user": "pg_user postgres",
        "pg_conninfo": "pg_conninfo host=/var/run/postgresql user=postgres dbname=postgres",
        "pg_passfile": "pg_passfile /etc/pgpair/pgpass",
        "pg_options": "pg_options -c cluster_name=castor",
        "monitor_interval": "monitor_interval 2",
        "restart_limit": "restart_limit 3",
        "resource_timeout": "resource_timeout 120",
        "sync_method": "sync_method rsync",
        "rsync_target": "rsync_target pollux::pgpair-incoming",
        "rsync_source": "rsync_source pollux::pgpair-data",
        "rsync_password_file": "rsync_password_file /etc/pgpair/rsync.secret",
        "rsync_ssh_options": "rsync_ssh_options -i /etc/pgpair/sync_key -o UserKnownHostsFile=/etc/pgpair/known_hosts",
        "dumpall_source": "dumpall_source host=pollux user=postgres dbname=postgres",
        "snapshot_dir": "snapshot_dir /var/lib/postgresql/pgpair-snapshots",
        "snapshot_keep": "snapshot_keep 2",
        "sync_lockfile": "sync_lockfile /run/lock/pgpair-sync.lock",
        "sync_interval": "sync_interval 0",
        "fence": "fence command /usr/local/sbin/fence-peer",
        "fence_timeout": "fence_timeout 30",
        "fence_delay": "fence_delay 15",
        "cold_start_takeover": "cold_start_takeover no",
    ]

    /// The example for `name`, quoted for a message: `` e.g. `keepalive 1` ``.
    static func hint(_ name: String) -> String {
        byName[name].map { "e.g. `\($0)`" } ?? "see docs/configuration.md"
    }
}
