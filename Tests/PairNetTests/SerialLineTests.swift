import Foundation
import Glibc
import Testing

@testable import PairNet

@Suite("Serial line settings")
struct SerialLineTests {
    @Test("a line opens non-blocking, raw 8N1, CLOCAL and CREAD, without flow control, at the configured speed")
    func settings() async throws {
        try await SocatSerialPair.with { serial in
            let descriptor = try SerialLine.open(serial.a, baud: 38400)
            defer { close(descriptor) }
            var settings = termios()
            #expect(tcgetattr(descriptor, &settings) == 0)
            #expect(cfgetospeed(&settings) == speed_t(B38400))
            #expect(cfgetispeed(&settings) == speed_t(B38400))
            #expect(settings.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
            #expect(settings.c_cflag & (tcflag_t(CLOCAL) | tcflag_t(CREAD)) == tcflag_t(CLOCAL) | tcflag_t(CREAD))
            #expect(settings.c_cflag & (tcflag_t(PARENB) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS)) == 0)
            let inputProcessing = [IXON, IXOFF, IXANY, ICRNL, INLCR, IGNCR, ISTRIP, BRKINT, PARMRK].map(tcflag_t.init)
            #expect(inputProcessing.allSatisfy { settings.c_iflag & $0 == 0 })
            #expect(settings.c_oflag & tcflag_t(OPOST) == 0)
            let lineProcessing = [ICANON, ECHO, ECHONL, ISIG, IEXTEN].map(tcflag_t.init)
            #expect(lineProcessing.allSatisfy { settings.c_lflag & $0 == 0 })
            #expect(fcntl(descriptor, F_GETFL) & O_NONBLOCK != 0)
        }
    }

    @Test("a missing device, a file that is not a terminal and an unknown speed each give their error")
    func errors() throws {
        let missing = #expect(throws: PairNetError.self) {
            try SerialLine.open("/nonexistent/pairnet-serial", baud: 19200)
        }
        #expect(missing?.code == .serialOpenFailed)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pairnet-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("not a tty".utf8)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let notATerminal = #expect(throws: PairNetError.self) { try SerialLine.open(file, baud: 19200) }
        #expect(notATerminal?.code == .serialConfigurationFailed)

        let speed = #expect(throws: PairNetError.self) { try SerialLine.open(file, baud: 12345) }
        #expect(speed?.code == .unsupportedBaudRate)
    }
}
