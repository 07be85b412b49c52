import Foundation
import PairTestSupport
import Testing

/// `pgpair resource` on an `IPaddr` group, on a veth interface of the test's own network namespace (the tests run
/// under `unshare --net`; this one refuses a namespace with a default route).
@Suite("pgpair resource IPaddr")
struct ResourceCommandAddressTests {
    @Test("start adds the address with the pgpair label, status 0, stop removes it, status 3")
    func lifecycle() async throws {
        try requireIsolatedNetwork()
        let interface = "pc" + String(UInt32.random(in: 0x10000..<0xfffff), radix: 16)
        try #require(ip(["link", "add", interface, "type", "veth", "peer", "name", interface + "p"]).status == 0)
        defer { _ = ip(["link", "del", interface]) }
        _ = ip(["link", "set", interface + "p", "up"])
        _ = ip(["link", "set", interface, "up"])
        _ = ip(["addr", "add", "198.18.9.1/24", "dev", interface])

        let directory = try ConfigDirectory()
        try directory.write(
            "ha.cf",
            """
            node castor
            node pollux
            ucast lo 198.18.0.2
            state_dir \(directory.path)/state
            control_socket \(directory.path)/pgpair.sock
            """)
        try directory.write("haresources", "castor 198.18.9.50\n")
        func resource(_ action: String) async throws -> PgpairProcess.Outcome {
            try await PgpairProcess.run(
                ["resource", action, "198.18.9.50", "--config-dir", directory.path, "--node", "castor"])
        }

        #expect(try await resource("status").status == 3)
        let start = try await resource("start")
        #expect(start.status == 0, "\(start)")
        #expect(ip(["-4", "-o", "addr", "show", "dev", interface]).output.contains("198.18.9.50/24"))
        #expect(ip(["-4", "-o", "addr", "show", "dev", interface]).output.contains("\(interface):pgpair"))
        #expect(try await resource("status").status == 0)
        #expect(try await resource("stop").status == 0)
        #expect(!ip(["-4", "-o", "addr", "show", "dev", interface]).output.contains("198.18.9.50"))
        #expect(try await resource("status").status == 3)
        #expect(try await resource("stop").status == 0)
    }

    private func ip(_ arguments: [String]) -> (status: Int32, output: String) {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
