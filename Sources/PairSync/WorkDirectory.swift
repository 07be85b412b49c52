import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A round's private temporary directory on the active (mode 0700), holding what it adds to staging besides the
/// data directory: an empty directory, backup_label and links to the WAL, the marker. Everything in it is given to
/// the data directory's owner, since rsync carries owners and modes over to the staging copy.
struct WorkDirectory {
    let path: String
    let owner: (uid: uid_t, gid: gid_t)

    init(owner: (uid: uid_t, gid: gid_t)) throws(SyncError) {
        var template = Array("/tmp/pgpair-sync-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw SyncError(.fileSystem, "cannot create a work directory in /tmp: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        self.owner = owner
    }

    /// Creates `relative` (mode 0700, given to the owner) and returns its path.
    func subdirectory(_ relative: String) throws(SyncError) -> String {
        let directory = "\(path)/\(relative)"
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw failure("cannot create \(directory)")
        }
        try own(directory)
        return directory
    }

    /// Writes `text` to `relative` (mode 0600, given to the owner).
    func write(_ text: String, to relative: String) throws(SyncError) {
        let file = "\(path)/\(relative)"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create \(file)") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw failure("cannot write \(file)") }
            bytes = bytes.dropFirst(written)
        }
        try own(file)
    }

    /// A symbolic link at `link` to `target` (rsync follows it and sends the target's content).
    func link(_ target: String, at link: String) throws(SyncError) {
        guard symlink(target, link) == 0 else { throw failure("cannot link \(link) to \(target)") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func own(_ file: String) throws(SyncError) {
        guard chown(file, owner.uid, owner.gid) == 0 || (getuid() != 0 && owner.uid == getuid()) else {
            throw failure("cannot give \(file) to the data directory's owner")
        }
    }

    private func failure(_ what: String) -> SyncError {
        SyncError(.fileSystem, "\(what): \(String(cString: strerror(errno)))")
    }
}
