/// Cuts a serial line's byte stream into heartbeat frames.
///
/// A frame starts at a line that is exactly `>>>` and ends after the next line that is exactly `<<<`. Whatever
/// is not part of a complete frame is reported as garbage, and the assembler resynchronises at the next `>>>`
/// line:
/// - bytes outside a frame (noise) are reported when the next `>>>` line starts a frame, or every
///   `maximumFrameSize` bytes when no frame comes;
/// - a frame interrupted by a new `>>>` line is reported when that line arrives, and the new frame starts;
/// - a frame that grows past `maximumFrameSize` bytes is reported at once and the rest of it, up to the next
///   `>>>` line, is noise.
///
/// It never holds more than `maximumFrameSize` bytes plus one, whatever the input.
public struct HeartbeatFrameAssembler: Sendable {
    /// The largest frame assembled, in bytes: the codec's size limit.
    public static let maximumFrameSize = HeartbeatCodec.maximumMessageSize

    /// The frame being assembled, from its `>>>` line on; empty outside a frame.
    private var frame: [UInt8] = []
    /// True between a `>>>` line and its `<<<` line.
    private var inFrame = false
    /// Noise bytes seen since the last report.
    private var noiseCount = 0
    /// The current line's bytes, kept only as long as it may still be `>>>` or `<<<`.
    private var linePrefix: [UInt8] = []
    /// True when the current line has already grown past the length of `>>>` and `<<<`, or was cut.
    private var lineIsLong = false

    /// Creates an assembler that waits for the first `>>>` line.
    public init() {}

    /// How many bytes it holds now (at most `maximumFrameSize + 3`), for tests and monitoring.
    public var bufferedByteCount: Int { frame.count + linePrefix.count }

    /// Feeds bytes as they arrive; returns the frames completed and the garbage found, in stream order.
    public mutating func append(_ bytes: some Collection<UInt8>) -> [AssembledFrame] {
        var found: [AssembledFrame] = []
        for byte in bytes {
            consume(byte, into: &found)
        }
        return found
    }

    /// Reports what it holds (a partial frame, unreported noise) as garbage and starts over, e.g. when the line
    /// is closed.
    public mutating func flush() -> [AssembledFrame] {
        var found: [AssembledFrame] = []
        if inFrame {
            found.append(.garbage(byteCount: frame.count, reason: "a partial frame without its `<<<` line"))
        } else if noiseCount > 0 {
            found.append(Self.noise(noiseCount))
        }
        self = Self()
        return found
    }

    private mutating func consume(_ byte: UInt8, into found: inout [AssembledFrame]) {
        let endsLine = byte == HeartbeatWireFormat.newline
        let line = endsLine && !lineIsLong ? linePrefix : nil
        if endsLine {
            linePrefix = []
            lineIsLong = false
        } else if !lineIsLong {
            linePrefix.append(byte)
            if linePrefix.count > HeartbeatWireFormat.startLine.count {
                linePrefix = []
                lineIsLong = true
            }
        }
        guard inFrame else {
            noiseCount += 1
            if line == HeartbeatWireFormat.startLine {
                startFrame(into: &found)
            } else if noiseCount >= Self.maximumFrameSize {
                // Keep back the bytes that may yet turn out to be a `>>>` line.
                let pending = linePrefix.count
                found.append(Self.noise(noiseCount - pending))
                noiseCount = pending
            }
            return
        }
        frame.append(byte)
        if line == HeartbeatWireFormat.startLine {
            startFrame(into: &found)
        } else if frame.count > Self.maximumFrameSize {
            found.append(
                .garbage(
                    byteCount: frame.count,
                    reason: "a frame longer than \(Self.maximumFrameSize) bytes without its `<<<` line"))
            frame = []
            inFrame = false
            // The rest of a line cut here cannot be `>>>` any more: it is noise like what follows.
            if !endsLine {
                linePrefix = []
                lineIsLong = true
            }
        } else if line == HeartbeatWireFormat.endLine {
            found.append(.frame(frame))
            frame = []
            inFrame = false
        }
    }

    /// A `>>>` line, already counted as noise or appended to the frame, starts a frame; what came before it is
    /// reported.
    private mutating func startFrame(into found: inout [AssembledFrame]) {
        let startCount = HeartbeatWireFormat.startLine.count + 1
        if inFrame {
            found.append(
                .garbage(byteCount: frame.count - startCount, reason: "a partial frame cut by a new `>>>` line"))
        } else if noiseCount > startCount {
            found.append(Self.noise(noiseCount - startCount))
        }
        noiseCount = 0
        inFrame = true
        frame = HeartbeatWireFormat.startLine + [HeartbeatWireFormat.newline]
    }

    private static func noise(_ count: Int) -> AssembledFrame {
        .garbage(byteCount: count, reason: "noise outside a frame")
    }
}
