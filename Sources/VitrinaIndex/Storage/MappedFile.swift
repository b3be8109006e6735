#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#endif

/// A read-only memory-mapped file, unmapped when released.
///
/// `@unchecked Sendable`: the mapping is read-only and never changes after `init`, so sharing
/// the pointer between tasks is safe.
final class MappedFile: @unchecked Sendable {
    /// The file's path.
    let path: String
    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?

    /// Maps `path` into memory.
    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw IndexError(
                code: code == ENOENT ? .missingFile : .io, path: path, offset: nil,
                message: "cannot open: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw IndexError.io(path, "cannot stat") }
        let size = Int(status.st_size)
        if size == 0 {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else {
            throw IndexError.io(path, "cannot map: \(String(cString: strerror(errno)))")
        }
        mapping = pointer
        bytes = UnsafeRawBufferPointer(start: pointer, count: size)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
