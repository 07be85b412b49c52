import Dispatch
import Foundation
import Synchronization

/// The labs this process has built and not yet torn down, so an interrupt can tear them down before the
/// process ends. (A SIGKILL leaves them to the next lab start's sweep.)
enum LiveLabs {
    private static let labs = Mutex<[String: Lab]>([:])
    private static let signalSources = Mutex<[any DispatchSourceSignal]>([])

    static func add(_ lab: Lab, handlingInterrupts: Bool) {
        labs.withLock { $0[lab.topology.runID] = lab }
        if handlingInterrupts { installInterruptHandlers() }
    }

    static func remove(runID: String) {
        _ = labs.withLock { $0.removeValue(forKey: runID) }
    }

    /// On SIGINT, SIGTERM or SIGHUP: tear down every live lab, then exit with status 128 + the signal.
    private static func installInterruptHandlers() {
        signalSources.withLock { sources in
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    Task.detached {
                        let live = labs.withLock { Array($0.values) }
                        for lab in live { await lab.teardown() }
                        // Dispatch consumes the signal, so re-raising it would be consumed again: end with
                        // the status a shell reports for death by that signal.
                        exit(128 + signalNumber)
                    }
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
