import Glibc
import PairCore
import Testing

@testable import PairNet

@Suite("Serial baud rates")
struct SerialBaudRateTests {
    @Test("every speed ha.cf accepts has a termios constant", arguments: HAConfiguration.baudRates)
    func everyAcceptedRateMaps(rate: Int) {
        #expect(SerialBaudRate.speed(for: rate) != nil)
    }

    @Test(
        "rates map to their own constants",
        arguments: [
            (50, B50), (9600, B9600), (19200, B19200), (38400, B38400), (115200, B115200), (4_000_000, B4000000),
        ])
    func constants(rate: Int, constant: CInt) {
        #expect(SerialBaudRate.speed(for: rate) == speed_t(constant))
    }

    @Test("a non-standard rate has none", arguments: [0, 12345, 19201, -9600])
    func nonStandard(rate: Int) {
        #expect(SerialBaudRate.speed(for: rate) == nil)
    }
}
