#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The C library's `read`, named apart from Swift methods called `read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Darwin)
        Darwin.read(descriptor, buffer, count)
    #else
        Glibc.read(descriptor, buffer, count)
    #endif
}

/// Reads a saved page, at most a given number of bytes of it.
enum PageFile {
    /// The first `limit` bytes of the file at `path` (all of it when smaller), and its size.
    ///
    /// - Throws: ``AuditError`` (`io`) naming the system's reason and errno; a folder is refused.
    static func read(_ path: String, limit: Int) throws -> (bytes: [UInt8], size: Int) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(path, "cannot stat") }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw AuditError(.io, path: path, message: "is a folder, not a page")
        }
        let size = Int(status.st_size)
        let wanted = max(0, min(limit, size))
        var bytes = [UInt8](repeating: 0, count: wanted)
        var filled = 0
        while filled < wanted {
            let got = bytes.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress.map { $0 + filled }, wanted - filled)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw failure(path, "read failed") }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(wanted - filled)
        return (bytes, size)
    }

    private static func failure(_ path: String, _ what: String) -> AuditError {
        let code = errno
        return AuditError(.io, path: path, message: "\(what): \(String(cString: strerror(code))) (errno \(code))")
    }
}
