import ArgumentParser

/// The options of the commands that wait for a switchover: `standby` and `takeover`.
struct SwitchoverOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How long to wait for the groups to move, in seconds.", valueName: "seconds"))
    var timeout: Double = 60

    /// The timeout as a duration.
    var duration: Duration { .milliseconds(Int64((timeout * 1000).rounded(.up))) }

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout needs a number of seconds greater than 0 (at most 86400).")
        }
    }
}
