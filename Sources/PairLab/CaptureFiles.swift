/// How `pgpair-lab capture` names the files it writes: `datagram-1`, `datagram-2`, … in its output directory.
public enum CaptureFiles {
    /// The file of the `index`th datagram, counted from 1.
    public static func name(_ index: Int) -> String {
        "datagram-\(index)"
    }
}
