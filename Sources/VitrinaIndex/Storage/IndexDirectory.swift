import Synchronization

#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// The C library's `rename`, named apart from ``IndexDirectory/rename(_:to:)``.
private func systemRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Darwin)
        Darwin.rename(from, to)
    #else
        Glibc.rename(from, to)
    #endif
}

/// The only place the index touches the file system: durable writes, renames, the lock.
///
/// Every write that must survive a crash goes through ``writeDurably(_:bytes:)`` (write, fsync,
/// then fsync the directory after renames). Files are created with `O_EXCL`: the index never
/// writes over a file that exists, so a wrong name can fail a commit but never destroy data. Tests can make the writes into one directory fail
/// after a number of calls (``injectFailure(path:afterWrites:)``) to check that an interrupted
/// commit leaves the last commit intact.
final class IndexDirectory: @unchecked Sendable {
    // @unchecked Sendable: used by one writer or reader task at a time.

    /// The directory's path.
    let path: String
    /// Test hook: per directory path, the number of durable writes that succeed before the next
    /// one fails.
    private static let injectedFailures = Mutex<[String: Int]>([:])

    /// Test hook: makes durable writes into `path` fail after `afterWrites` more succeed
    /// (`nil` turns it off).
    static func injectFailure(path: String, afterWrites: Int?) {
        injectedFailures.withLock { $0[path] = afterWrites }
    }

    init(path: String) {
        self.path = path
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Creates the directory (and parents) when missing.
    func create() throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw IndexError.io(prefix, "cannot create directory: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Whether `name` exists.
    func exists(_ name: String) -> Bool { access(file(name), F_OK) == 0 }

    /// The names of the directory's entries.
    func list() throws -> [String] {
        guard let handle = opendir(path) else {
            let code = errno
            throw IndexError(
                code: code == ENOENT ? .noIndex : .io, path: path, offset: nil,
                message: "cannot list directory: \(String(cString: strerror(code)))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                // 256 bytes on Linux, 1,024 on Darwin.
                let capacity = MemoryLayout.size(ofValue: entry.pointee.d_name)
                return $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Creates `name` (which must not exist), writes `bytes` and fsyncs it.
    ///
    /// - Throws: ``IndexError`` `io` when the file exists or cannot be written.
    func writeDurably(_ name: String, bytes: [UInt8]) throws {
        let failing = Self.injectedFailures.withLock { failures -> Bool in
            guard let remaining = failures[path] else { return false }
            failures[path] = remaining - 1
            return remaining <= 0
        }
        if failing { throw IndexError.io(file(name), "injected write failure") }
        let target = file(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            throw IndexError.io(
                target,
                code == EEXIST
                    ? "refusing to overwrite a file that exists (run `vitrina check --index \(path)`)"
                    : "cannot create: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw IndexError.io(target, "write failed: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else {
            throw IndexError.io(target, "fsync failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Renames `from` to `to` atomically, then fsyncs the directory.
    func rename(_ from: String, to: String) throws {
        guard systemRename(file(from), file(to)) == 0 else {
            throw IndexError.io(file(from), "rename failed: \(String(cString: strerror(errno)))")
        }
        try syncDirectory()
    }

    /// fsyncs the directory itself, making renames and new entries durable.
    func syncDirectory() throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw IndexError.io(path, "cannot open directory: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw IndexError.io(path, "directory fsync failed: \(String(cString: strerror(errno)))")
        }
    }

    /// The last modification time of `name` in seconds since 1970, `nil` when it does not exist.
    func modificationTime(_ name: String) -> Double? {
        var status = stat()
        guard stat(file(name), &status) == 0 else { return nil }
        #if canImport(Darwin)
            let time = status.st_mtimespec
        #else
            let time = status.st_mtim
        #endif
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The size of `name` in bytes, `nil` when it does not exist.
    func size(_ name: String) -> Int? {
        var status = stat()
        guard stat(file(name), &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// Moves `name` into the subdirectory `folder` (created when missing), keeping its name.
    func move(_ name: String, into folder: String) throws {
        if mkdir(file(folder), 0o755) != 0 && errno != EEXIST {
            throw IndexError.io(file(folder), "cannot create directory: \(String(cString: strerror(errno)))")
        }
        guard systemRename(file(name), file(folder) + "/" + name) == 0 else {
            throw IndexError.io(file(name), "cannot move into \(folder): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes `name`, ignoring a missing file.
    func remove(_ name: String) {
        unlink(file(name))
    }

    /// Reads a whole small file.
    func read(_ name: String) throws -> [UInt8] {
        let mapped = try MappedFile(path: file(name))
        return Array(mapped.bytes)
    }

    /// Takes the writer lock (`write.lock`, `flock`), held until the returned descriptor is closed.
    ///
    /// - Throws: ``IndexError`` `locked` when another writer holds it.
    func lock() throws -> Int32 {
        let target = file("write.lock")
        let descriptor = open(target, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IndexError.io(target, "cannot create lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw IndexError(
                code: .locked, path: target, offset: nil, message: "another writer has this index open")
        }
        return descriptor
    }
}
