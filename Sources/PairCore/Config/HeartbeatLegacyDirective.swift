/// Heartbeat directives pgpair has no use for: accepted, with a warning that says what pgpair does instead.
enum HeartbeatLegacyDirective {
    /// Directive name → what pgpair does instead.
    static let insteadByName: [String: String] = [
        "apiauth": "pgpair has no client API; `status` is open to root and to `control_socket_group`",
        "autojoin": "pgpair has exactly the two nodes named by `node` lines",
        "cluster": "a pair is identified by its two node names and its authkeys",
        "compression": "pgpair's messages are small and always sent uncompressed",
        "compression_threshold": "pgpair's messages are small and always sent uncompressed",
        "config_writes_enabled": "this is a Pacemaker setting; pgpair has no CIB",
        "conn_logd_time": "pgpair logs to syslog (see `logfacility`) and needs no logging daemon",
        "coredumps": "core dumps follow the system's settings (ulimit, systemd-coredump)",
        "coreroot": "core dumps follow the system's settings (ulimit, systemd-coredump)",
        "crm_daemon_dir": "this is a Pacemaker setting; pgpair runs no Pacemaker daemons",
        "crmd_spawns_pengine": "this is a Pacemaker setting; pgpair runs no Pacemaker daemons",
        "deadping": "ping targets are judged when a takeover is decided; there is no separate ping deadtime",
        "debug": "pgpair's log verbosity is not set in ha.cf",
        "env": "pgpair passes no extra environment variables to resource scripts",
        "hbgenmethod": "pgpair keeps its generation number in `state_dir`, fsynced at every start",
        "hopfudge": "pgpair never forwards messages from one medium to another",
        "log_badpack": "pgpair always counts bad packets and logs them, rate-limited",
        "log_config_changes": "this is a Pacemaker setting; pgpair has no CIB",
        "log_pengine_inputs": "this is a Pacemaker setting; pgpair has no policy engine",
        "max_rexmit_delay": "pgpair does not retransmit; every heartbeat carries the full state",
        "memreserve": "pgpair locks its memory where the system allows",
        "msgfmt": "pgpair has a single text message format",
        "normalpoll": "pgpair chooses its own event loop",
        "quorum_server": "a pgpair pair has no quorum server; use `ping` targets and `fence`",
        "realtime": "pgpair always runs its heartbeat path with real-time priority where the system allows",
        "respawn": "pgpair starts no helper programs; run them as systemd services",
        "rtprio": "pgpair always runs its heartbeat path with real-time priority where the system allows",
        "stonith": "this node will NOT fence its peer: write `fence command PATH` or `fence ssh …` instead",
        "stonith_host": "this node will NOT fence its peer: write `fence command PATH` or `fence ssh …` instead",
        "traditional_compression": "pgpair's messages are small and always sent uncompressed",
        "use_apphbd": "pgpair is supervised by systemd or its init script, not by apphbd",
        "use_logd": "pgpair logs to syslog (see `logfacility`) and needs no logging daemon",
        "uuidfrom": "pgpair identifies nodes by their names",
        "watchdog": "pgpair does not feed a watchdog device; configure `fence` to protect against a hung peer",
    ]

    /// Heartbeat media pgpair cannot use → what to write instead.
    static let unsupportedMedia: [String: String] = [
        "hbaping": "pgpair cannot ping Fibre Channel devices; use `ping IP` or `ping_group`",
        "mcast6": "pgpair's media are IPv4; use `mcast IF GROUP PORT TTL LOOP`, `ucast`, `bcast` or `serial`",
        "ucast6": "pgpair's media are IPv4; use `ucast IF PEER-IP` with an IPv4 address, or `serial`",
    ]
}
