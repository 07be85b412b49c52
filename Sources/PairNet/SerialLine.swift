import Glibc

/// Opens a serial device for the heartbeat: non-blocking, not the controlling terminal, raw 8N1, receiver on,
/// modem lines ignored (CLOCAL), no hardware or software flow control, at the given speed. None of these calls
/// waits: O_NONBLOCK keeps open from waiting for carrier, and the settings apply at once (TCSANOW).
enum SerialLine {
    static func open(_ device: String, baud: Int) throws(PairNetError) -> CInt {
        guard let speed = SerialBaudRate.speed(for: baud) else {
            throw PairNetError(
                .unsupportedBaudRate, "baud \(baud) is not a standard serial speed; set `baud` in ha.cf to one")
        }
        let descriptor = Glibc.open(device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw PairNetError(
                .serialOpenFailed,
                "cannot open serial device \(device): \(SystemError.current); check that it exists and that "
                    + "no other program (getty, a modem manager) holds it")
        }
        do throws(PairNetError) {
            try configure(descriptor, device: device, speed: speed)
            return descriptor
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// The line settings this medium uses, applied to `settings`.
    static func applyHeartbeatSettings(to settings: inout termios, speed: speed_t) {
        cfmakeraw(&settings)
        settings.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
        settings.c_cflag |= tcflag_t(CS8) | tcflag_t(CLOCAL) | tcflag_t(CREAD)
        settings.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY))
        withUnsafeMutableBytes(of: &settings.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
    }

    private static func configure(_ descriptor: CInt, device: String, speed: speed_t) throws(PairNetError) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else {
            throw PairNetError(
                .serialConfigurationFailed,
                "\(device) is not a serial line (tcgetattr: \(SystemError.current)); check the `serial` line in ha.cf")
        }
        applyHeartbeatSettings(to: &settings, speed: speed)
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else {
            throw PairNetError(
                .serialConfigurationFailed, "cannot set the line settings of \(device): \(SystemError.current)")
        }
        // Bytes left over from before this open belong to no message of this run.
        tcflush(descriptor, TCIOFLUSH)
    }
}
