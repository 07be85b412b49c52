import Glibc

/// The TCP connection under a session: the host's addresses looked up (on the exchange's own thread), then a
/// non-blocking connect to each in turn, bounded by the exchange's deadline.
enum SSHSocket {
    /// A connected, non-blocking socket to `host`'s `port`.
    static func connect(to host: String, port: UInt16, clock: SSHClock) throws(SSHError) -> CInt {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = CInt(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let looked = getaddrinfo(host, String(port), &hints, &list)
        guard looked == 0, let first = list else {
            throw SSHError(
                .resolveFailed,
                "cannot resolve \(host): \(String(cString: gai_strerror(looked))); "
                    + "write the fence host's address, or make its name resolvable without the network")
        }
        defer { freeaddrinfo(first) }
        var failures: [String] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            do throws(SSHError) {
                return try connect(current.pointee, clock: clock)
            } catch  where error.code == .connectFailed {
                failures.append(error.message)
            }
        }
        throw SSHError(
            .connectFailed, "cannot connect to \(host) port \(port): \(failures.joined(separator: "; "))")
    }

    private static func connect(_ address: addrinfo, clock: SSHClock) throws(SSHError) -> CInt {
        let descriptor = socket(
            address.ai_family, address.ai_socktype | CInt(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue),
            address.ai_protocol)
        guard descriptor >= 0 else {
            throw SSHError(.connectFailed, "cannot create a socket: \(describe(errno))")
        }
        var connected = false
        defer { if !connected { close(descriptor) } }
        if Glibc.connect(descriptor, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else {
                throw SSHError(.connectFailed, describe(errno))
            }
            while true {
                try clock.wait(for: descriptor, events: Int16(POLLOUT))
                var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&entry, 1, 0) > 0 { break }
            }
            var code: CInt = 0
            var length = socklen_t(MemoryLayout<CInt>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
            guard code == 0 else {
                throw SSHError(.connectFailed, describe(code))
            }
        }
        connected = true
        return descriptor
    }

    static func describe(_ code: CInt) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
