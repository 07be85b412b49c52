import Synchronization

/// Names, addresses and ports unique within this test run, so tests can run in parallel: UDP ports from a random
/// base, /24 subnets of 198.18.0.0/15 (the benchmarking range, never routed), short interface names.
enum TestNetwork {
    private static let counter = Mutex(0)
    private static let base = Int.random(in: 0..<4096)

    private static func next() -> Int {
        counter.withLock {
            $0 += 1
            return $0
        }
    }

    /// A UDP port no other test of this run uses.
    static func port() -> UInt16 {
        UInt16(20000 + (base * 7 + next()) % 30000)
    }

    /// The first three parts of a /24 of 198.18.0.0/15 no other test of this run uses, e.g. `198.18.7`.
    static func subnetPrefix() -> String {
        let n = (base + next()) % 512
        return "198.\(18 + n / 256).\(n % 256)"
    }

    /// An interface name no other test of this run uses, e.g. `pn0a3f7`.
    static func interfaceName() -> String {
        "pn" + String((base << 8 | next() & 0xff) & 0xfffff, radix: 16)
    }
}
