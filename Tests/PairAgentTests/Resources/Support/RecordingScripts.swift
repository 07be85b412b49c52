import Foundation
import PairTestSupport

@testable import PairAgent

/// Resource scripts that record every call (`NAME ARGUMENTS ACTION`, one a line) in `calls` and keep their state
/// in a file: `status` exits 0 while started, 3 once stopped.
struct RecordingScripts {
    let directory: Scratch

    init() throws {
        directory = try Scratch("pgpair-scripts")
    }

    /// Writes `resource.d/NAME`; `failStart` makes its start exit 1 (after recording), `failStatus` makes its status
    /// exit 4, `failStop` makes stop exit 1 even when stopped.
    func add(_ name: String, failStart: Bool = false, failStatus: Bool = false, failStop: Bool = false) throws {
        let state = "\(directory.path)/state-\(name)"
        let script = """
            #!/bin/sh
            for last; do :; done
            echo "\(name) $*" >> '\(directory.path)/calls'
            case "$last" in
            start) \(failStart ? "echo 'cannot start \(name)' >&2; exit 1" : "touch '\(state)'") ;;
            stop) rm -f '\(state)'; \(failStop ? "exit 1" : "exit 0") ;;
            status) \(failStatus ? "exit 4" : "[ -e '\(state)' ] && exit 0 || exit 3") ;;
            *) exit 2 ;;
            esac
            """
        try directory.write(script, to: "resource.d/\(name)", mode: 0o755)
    }

    func path(_ name: String) -> String { "\(directory.path)/resource.d/\(name)" }

    /// The calls so far, one entry each.
    var calls: [String] {
        directory.read("calls").split(separator: "\n").map(String.init)
    }

    func resource(_ name: String, arguments: [String] = [], timeout: Duration = .seconds(30)) -> ScriptResource {
        ScriptResource(
            name: name, path: path(name), arguments: arguments, runner: ProcessScriptRunner(timeout: timeout))
    }

    func remove() { directory.remove() }
}
