import Foundation

extension Lab {
    /// The socat process that joins the serial pair, while it runs.
    public var serialPairProcess: LabProcess? {
        startedProcesses.last { $0.name == "serial" && $0.isRunning }
    }

    /// Pulls the serial cable: ends the socat pair by its PID (SIGTERM, SIGKILL after a bounded wait) and
    /// returns once it has ended. The devices' links disappear with it; nothing brings the pair back.
    public func endSerialPair() async throws {
        try requireLive()
        guard let process = serialPairProcess else {
            throw LabError(.invalidState, "the serial pair does not run")
        }
        logger.info("lab: ending the serial pair", metadata: ["lab.pid": "\(process.pid)"])
        await process.stop(signal: SIGTERM, grace: .seconds(5))
    }

    /// Writes `bytes` into `node`'s end of the serial line, as a device on that node would: they come out at
    /// the other node's end. Opened without becoming a controlling terminal; gives up on a full line after
    /// a bounded wait.
    public nonisolated func writeToSerialLine(of node: LabNode, _ bytes: [UInt8]) async throws {
        let path = paths.serialDevice(of: node)
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw LabError(.file, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var written = 0
        let deadline = ContinuousClock.now + .seconds(10)
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                written += count
            } else if count < 0, errno != EAGAIN, errno != EINTR {
                throw LabError(.file, "cannot write to \(path): \(String(cString: strerror(errno)))")
            } else if ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            } else {
                throw LabError(.file, "\(path) took only \(written) of \(bytes.count) bytes within 10 s")
            }
        }
    }
}
