import Foundation

extension Lab {
    /// Starts socat joining two pseudo terminals, one per node (`LabPaths.serialDevice(of:)`), and waits
    /// until both exist. socat runs in the LAN namespace so that teardown finds it with the rest.
    func startSerialPair() async throws {
        let devices = LabNode.allCases.map(paths.serialDevice)
        let process = try await spawn(
            "serial", in: .lan,
            [
                "socat", "-d", "-d",
                "pty,raw,echo=0,link=\(devices[0])",
                "pty,raw,echo=0,link=\(devices[1])",
            ])
        try await waitUntil("the serial pair", process: process, timeout: .seconds(10)) {
            devices.allSatisfy { FileManager.default.fileExists(atPath: $0) }
        }
    }

    /// Polls `condition` until it holds; fails when `process` ends first or `timeout` passes, quoting its log.
    func waitUntil(
        _ what: String,
        process: LabProcess,
        timeout: Duration,
        condition: () async -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while await !condition() {
            guard process.isRunning else {
                throw LabError(.processFailed, "\(process) ended before \(what) was ready: \(process.logTail())")
            }
            guard ContinuousClock.now < deadline else {
                throw LabError(.notReady, "\(what) was not ready within \(timeout): \(process.logTail())")
            }
            try await Task.sleep(for: .milliseconds(25))
        }
    }
}
