import Testing

@testable import PairCore

@Suite struct HeartbeatFrameAssemblerTests {
    static let frame = HeartbeatFixtures.signed(HeartbeatFixtures.messageLines)
    static let other = HeartbeatFixtures.signed(HeartbeatFixtures.lines(replacing: "seq", with: "seq=346"))

    static func noise(_ count: Int) -> AssembledFrame {
        .garbage(byteCount: count, reason: "noise outside a frame")
    }

    /// Every byte fed is reported exactly once, in a frame or as garbage (after a final flush).
    static func reportedBytes(_ items: [AssembledFrame]) -> Int {
        items.reduce(0) { total, item in
            switch item {
            case .frame(let bytes): return total + bytes.count
            case .garbage(let count, _): return total + count
            }
        }
    }

    @Test func assemblesAFrameInOneChunk() {
        var assembler = HeartbeatFrameAssembler()
        #expect(assembler.append(Self.frame) == [.frame(Self.frame)])
        #expect(assembler.bufferedByteCount == 0)
        #expect(assembler.flush() == [])
    }

    @Test func assemblesAFrameSplitAtAnyPoint() {
        for split in 0...Self.frame.count {
            var assembler = HeartbeatFrameAssembler()
            let first = assembler.append(Self.frame[..<split])
            let second = assembler.append(Self.frame[split...])
            #expect(first + second == [.frame(Self.frame)], "split at \(split)")
        }
    }

    @Test func assemblesAFrameFedByteByByte() {
        var assembler = HeartbeatFrameAssembler()
        var found: [AssembledFrame] = []
        for byte in Self.frame {
            found += assembler.append([byte])
        }
        #expect(found == [.frame(Self.frame)])
    }

    @Test func assemblesFramesBackToBack() {
        var assembler = HeartbeatFrameAssembler()
        #expect(
            assembler.append(Self.frame + Self.other + Self.frame) == [
                .frame(Self.frame), .frame(Self.other), .frame(Self.frame),
            ])
    }

    @Test func reportsNoiseBetweenFramesWhenTheNextFrameStarts() {
        var assembler = HeartbeatFrameAssembler()
        let noise = Array("login: \n\u{0}\u{7}garbage\n\n".utf8)
        #expect(assembler.append(Self.frame + noise) == [.frame(Self.frame)])
        #expect(assembler.append(Self.other) == [Self.noise(noise.count), .frame(Self.other)])
    }

    @Test func noiseWithoutALineEndSwallowsTheNextFrame() {
        // `xx>>>` is not a `>>>` line: that frame is noise; the assembler resynchronises at the following one.
        var assembler = HeartbeatFrameAssembler()
        let noisy = Array("xx".utf8) + Self.frame
        #expect(assembler.append(noisy + Self.other) == [Self.noise(noisy.count), .frame(Self.other)])
    }

    @Test func reportsAFrameCutByANewStartLine() {
        var assembler = HeartbeatFrameAssembler()
        let partial = Array(Self.frame.prefix(50)) + [UInt8(ascii: "\n")]
        #expect(
            assembler.append(partial + Self.other) == [
                .garbage(byteCount: partial.count, reason: "a partial frame cut by a new `>>>` line"),
                .frame(Self.other),
            ])
    }

    @Test func lessThanThreeAngleBracketsOrMoreDoNotStartAFrame() {
        var assembler = HeartbeatFrameAssembler()
        let lines = Array(">>\n>>>>\n >>>\n<<<\n".utf8)
        #expect(assembler.append(lines + Self.frame) == [Self.noise(lines.count), .frame(Self.frame)])
    }

    @Test func anEndMarkInsideALineDoesNotEndTheFrame() {
        let lines = HeartbeatFixtures.messageLines + ["x=<<<", "<<<<", "y=1<<<"]
        let frame = HeartbeatFixtures.signed(lines)
        var assembler = HeartbeatFrameAssembler()
        #expect(assembler.append(frame) == [.frame(frame)])
    }

    @Test func aFrameOfTheLimitPassesAndOneByteMoreIsGarbage() {
        let base = HeartbeatFixtures.signed(HeartbeatFixtures.messageLines + ["pad="]).count
        let padding = String(repeating: "p", count: HeartbeatFrameAssembler.maximumFrameSize - base)
        let atLimit = HeartbeatFixtures.signed(HeartbeatFixtures.messageLines + ["pad=" + padding])
        var assembler = HeartbeatFrameAssembler()
        #expect(assembler.append(atLimit) == [.frame(atLimit)])

        let over = HeartbeatFixtures.signed(HeartbeatFixtures.messageLines + ["pad=" + padding + "p"])
        let found = assembler.append(over + Self.frame)
        #expect(
            found == [
                .garbage(byteCount: 1025, reason: "a frame longer than 1024 bytes without its `<<<` line"),
                .frame(Self.frame),
            ])
    }

    @Test func anOverlongFrameIsReportedAtOnceAndItsRestIsNoise() {
        var assembler = HeartbeatFrameAssembler()
        let overlong =
            Array(">>>\nx=".utf8) + [UInt8](repeating: UInt8(ascii: "y"), count: 2000) + Array("\n<<<\n".utf8)
        let first = assembler.append(overlong)
        #expect(first == [.garbage(byteCount: 1025, reason: "a frame longer than 1024 bytes without its `<<<` line")])
        #expect(assembler.bufferedByteCount <= 3)
        #expect(assembler.append(Self.frame) == [Self.noise(overlong.count - 1025), .frame(Self.frame)])
    }

    @Test func endlessNoiseIsReportedInBoundedPieces() {
        var assembler = HeartbeatFrameAssembler()
        let found = assembler.append([UInt8](repeating: UInt8(ascii: "z"), count: 3000))
        #expect(found == [Self.noise(1024), Self.noise(1024)])
        #expect(assembler.flush() == [Self.noise(952)])
    }

    @Test func noiseReportedAtTheLimitKeepsBackAStartLineInProgress() {
        var assembler = HeartbeatFrameAssembler()
        let noise = [UInt8](repeating: UInt8(ascii: "\n"), count: 1022)
        let found = assembler.append(noise + Self.frame)
        #expect(found == [Self.noise(1022), .frame(Self.frame)])
    }

    @Test func flushReportsAPartialFrameOrNoise() {
        var assembler = HeartbeatFrameAssembler()
        _ = assembler.append(Self.frame.prefix(40))
        #expect(assembler.flush() == [.garbage(byteCount: 40, reason: "a partial frame without its `<<<` line")])
        #expect(assembler.bufferedByteCount == 0)
        _ = assembler.append(Array("abc".utf8))
        #expect(assembler.flush() == [Self.noise(3)])
        #expect(assembler.append(Self.frame) == [.frame(Self.frame)])
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func randomBytesKeepMemoryBoundedAndEveryByteIsReportedOnce(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var assembler = HeartbeatFrameAssembler()
        var fed = 0
        var found: [AssembledFrame] = []
        while fed < 300_000 {
            let count = Int.random(in: 1...4096, using: &generator)
            // Mostly arbitrary bytes; some chunks drawn from the frame alphabet so that lines and marks occur.
            let alphabet: [UInt8] = Array(">><<\n\nx=1".utf8)
            let chunk = (0..<count).map { _ in
                seed.isMultiple(of: 2)
                    ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator)!
            }
            found += assembler.append(chunk)
            fed += count
            #expect(assembler.bufferedByteCount <= HeartbeatFrameAssembler.maximumFrameSize + 3)
        }
        for case .garbage(let count, _) in found {
            #expect(count > 0)
        }
        // Whatever came before, the next frame on a fresh line is found.
        let resync = [UInt8(ascii: "\n")] + Self.frame
        let after = assembler.append(resync)
        #expect(after.last == .frame(Self.frame))
        #expect(Self.reportedBytes(found + after + assembler.flush()) == fed + resync.count)
    }

    @Test func everyByteIsReportedOnceInAMixedStream() {
        let stream =
            Array("noise\n".utf8) + Self.frame + Array(">>>\nv=1\n".utf8) + Self.other
            + Array(">>>\n".utf8) + [UInt8](repeating: 0x41, count: 1500) + [0x0A] + Self.frame + Array("tail".utf8)
        var assembler = HeartbeatFrameAssembler()
        let found = assembler.append(stream) + assembler.flush()
        #expect(Self.reportedBytes(found) == stream.count)
        #expect(found.filter { if case .frame = $0 { return true } else { return false } }.count == 3)
    }
}
