extension HAConfigParser {
    /// Derives warntime and initdead as heartbeat does and checks deadtime > 2 × keepalive, warntime < deadtime,
    /// initdead ≥ deadtime (warning below 10 s).
    mutating func finishTiming() {
        let keepalive = configuration.timing.keepalive
        let deadtime = configuration.timing.deadtime
        configuration.timing = HeartbeatTiming(
            keepalive: keepalive, deadtime: deadtime, warntime: explicitWarntime, initdead: explicitInitdead)
        if deadtime <= keepalive * 2 {
            diagnostics.error(
                "deadtime \(deadtime.configDescription) must be more than twice keepalive "
                    + "\(keepalive.configDescription); raise deadtime (e.g. `deadtime "
                    + "\((keepalive * 10).configDescription)`) or lower keepalive",
                line: firstLine["deadtime"] ?? firstLine["keepalive"])
        }
        if let warntime = explicitWarntime {
            if warntime >= deadtime {
                diagnostics.error(
                    "warntime \(warntime.configDescription) must be less than deadtime "
                        + "\(deadtime.configDescription); write e.g. `warntime \((deadtime / 2).configDescription)`, "
                        + "or remove the line to use deadtime/2", line: firstLine["warntime"])
            } else if warntime <= keepalive {
                diagnostics.warning(
                    "warntime \(warntime.configDescription) is not longer than keepalive "
                        + "\(keepalive.configDescription), so every heartbeat would be logged as late; write e.g. "
                        + "`warntime \((deadtime / 2).configDescription)`", line: firstLine["warntime"])
            }
        }
        if let initdead = explicitInitdead {
            if initdead < deadtime {
                diagnostics.error(
                    "initdead \(initdead.configDescription) must not be shorter than deadtime "
                        + "\(deadtime.configDescription); write `initdead \(deadtime.configDescription)` or more, or "
                        + "remove the line to derive it as heartbeat does", line: firstLine["initdead"])
            } else if initdead < .seconds(10) {
                diagnostics.warning(
                    "initdead \(initdead.configDescription) is below 10s: a network that is slow to come up at boot "
                        + "may make this node declare its peer dead; write `initdead 10` or more",
                    line: firstLine["initdead"])
            }
        }
    }
}
