import Testing

@testable import PairCore

@Suite struct PairConfigurationSummaryTests {
    private func configuration(
        ha extra: String, resources: String = "castor 10.0.0.100 pgsql::/srv/pg",
        keys: String = "auth 2\n1 sha1 \(ConfigFixtures.key)\n2 sha256 \(ConfigFixtures.key)"
    )
        throws -> PairConfiguration
    {
        let result = PairConfiguration.load(
            haCF: ConfigFile(path: "ha.cf", text: "node castor\nnode pollux\n" + extra),
            haresources: ConfigFile(path: "haresources", text: resources),
            authkeys: ConfigFile(path: "authkeys", text: keys), host: ConfigFixtures.host())
        #expect(result.errors.isEmpty, "\(result.diagnostics)")
        return try #require(result.value)
    }

    @Test func fullSummary() throws {
        let ha = """
            ucast hb0 10.0.0.1
            ucast hb0 10.0.0.2
            mcast eth2 239.192.0.42 694 1 0
            serial /dev/ttyS0
            baud 38400
            deadtime 20
            ping 10.0.0.254
            ping_group gw 10.0.1.1 10.0.1.2
            pgdata /var/lib/postgresql/16/main
            pg_options -c cluster_name={node}
            sync_method rsync
            rsync_target {peer}::pgpair-staging
            snapshot_dir /var/lib/postgresql/pgpair-snapshots
            fence command /usr/local/sbin/fence-peer --hard
            """
        let summary = try configuration(ha: ha, resources: "castor 10.0.0.100/24/eth0 pgsql drbd::r0").summary()
        #expect(
            summary == """
                nodes: castor (this node), pollux (peer)
                media:
                  ucast hb0 10.0.0.2 (udp port 694)
                  mcast eth2 239.192.0.42 694 1 0
                  serial /dev/ttyS0 at 38400 baud
                  ucast hb0 10.0.0.1 (ignored: an address of this node)
                timing:
                  keepalive 1s
                  deadtime 20s
                  warntime 10s (derived: deadtime/2)
                  initdead 20s (derived: deadtime, as it is above 10s)
                auto_failback off
                cold_start_takeover no
                ping targets: 10.0.0.254; gw (any of 10.0.1.1 10.0.1.2)
                groups (resources start left to right and stop right to left):
                  10.0.0.100/24/eth0 (home castor): IPaddr 10.0.0.100/24 on eth0 -> pgsql /var/lib/postgresql/16/main \
                -> /etc/pgpair/resource.d/drbd r0
                postgresql: pgdata /var/lib/postgresql/16/main, port 5432, run by postgres, \
                options -c cluster_name=castor
                monitoring: every 2s, restart_limit 3, resource_timeout 120s
                sync: rsync, pushed by the active node to pollux::pgpair-staging
                  snapshots in /var/lib/postgresql/pgpair-snapshots, keep 2; rounds from cron only; lock \
                /run/lock/pgpair-sync.lock
                fencing: command /usr/local/sbin/fence-peer --hard <peer>; timeout 30s, delay 15s
                state: state_dir /var/lib/pgpair, control_socket /run/pgpair/pgpair.sock
                authkeys: messages signed with key 2 (sha256); keys accepted: 1 (sha1), 2 (sha256)

                """)
    }

    @Test func givenTimingsAreNotMarkedDerived() throws {
        let summary = try configuration(ha: "ucast eth1 10.0.0.2\nserial /dev/ttyS0\nwarntime 7\ninitdead 45\n")
            .summary()
        #expect(summary.contains("  warntime 7s\n"))
        #expect(summary.contains("  initdead 45s\n"))
        #expect(!summary.contains("derived"))
    }

    @Test func initdeadDerivationForShortDeadtimes() throws {
        let summary = try configuration(ha: "ucast eth1 10.0.0.2\nserial /dev/ttyS0\ndeadtime 8\n").summary()
        #expect(summary.contains("  warntime 4s (derived: deadtime/2)\n"))
        #expect(summary.contains("  initdead 16s (derived: 2 × deadtime, as deadtime is 6s to 10s)\n"))
    }

    @Test func noSyncNoFencingNoPing() throws {
        let summary = try configuration(ha: "bcast eth1\nserial /dev/ttyS0\n").summary()
        #expect(summary.contains("\nsync: none (no sync_method)\n"))
        #expect(summary.contains("\nfencing: none\n"))
        #expect(summary.contains("\nping targets: none\n"))
        #expect(summary.contains("  bcast eth1 (udp port 694)\n"))
    }

    @Test func pgDumpallSSHFenceAndOtherSettings() throws {
        let ha = """
            ucast eth1 10.0.0.2
            serial /dev/ttyS0
            auto_failback on
            cold_start_takeover yes
            control_socket_group monitor
            sync_method pg_dumpall
            dumpall_source host={peer} dbname=postgres
            snapshot_dir /srv/snapshots
            sync_interval 300
            fence ssh root@kvm1 key=/etc/pgpair/k known_hosts=/etc/pgpair/kh command=virsh destroy pollux
            fence_delay 500ms
            """
        let summary = try configuration(ha: ha).summary()
        #expect(summary.contains("\nauto_failback on\ncold_start_takeover yes\n"))
        #expect(summary.contains("\nsync: pg_dumpall, pulled by the standby\n"))
        #expect(summary.contains("snapshots in /srv/snapshots, keep 2; a round every 300s;"))
        #expect(summary.contains("\nfencing: ssh root@kvm1:22 runs `virsh destroy pollux`; timeout 30s, delay 500ms\n"))
        #expect(summary.contains(", status open to group monitor\n"))
    }

    @Test func summaryNeverShowsAKey() throws {
        let summary = try configuration(ha: "ucast eth1 10.0.0.2\nserial /dev/ttyS0\n").summary()
        #expect(!summary.contains(ConfigFixtures.key))
    }
}
