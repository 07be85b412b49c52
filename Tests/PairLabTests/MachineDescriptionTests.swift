import Testing

@testable import PairLab

struct MachineDescriptionTests {
    @Test func theFirstModelNameOfCpuinfo() {
        let cpuinfo =
            "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"
            + "processor\t: 1\nmodel name\t: other\n"
        #expect(MachineDescription.cpuModel(cpuinfo: cpuinfo) == "AMD EPYC 7B13")
        #expect(MachineDescription.cpuModel(cpuinfo: "processor\t: 0\n") == nil)
    }

    @Test func memTotalInBytes() {
        #expect(
            MachineDescription.memoryBytes(meminfo: "MemTotal:       24684000 kB\nMemFree: 1 kB\n") == 24_684_000
                * 1_024)
        #expect(MachineDescription.memoryBytes(meminfo: "MemFree: 1 kB\n") == nil)
    }

    @Test func thisMachineHasCoresAndAKernel() {
        let machine = MachineDescription.current()
        #expect(machine.cores >= 1 && machine.memoryBytes > 0 && machine.kernel != "unknown")
        #expect(machine.summary.contains("\(machine.cores) cores"))
    }
}
