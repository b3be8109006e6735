import CVitrinaZlib

/// zlib compression of stored-field blocks.
enum Deflate {
    /// Compresses `bytes` (zlib format, level 6).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { source in
                compress2(out.baseAddress, &capacity, source.baseAddress, uLong(source.count), 6)
            }
        }
        // compressBound guarantees room; a failure here is a programming error.
        precondition(status == Z_OK, "zlib compress2 failed with \(status)")
        output.removeSubrange(Int(capacity)...)
        return output
    }

    /// The largest expansion deflate can achieve (RFC 1951: 258-byte matches of 2-bit codes).
    static let maximumRatio = 1_032

    /// Decompresses a block whose original size is `size`, read from `file` at `offset`.
    ///
    /// `size` comes from the file, so it is checked against what `bytes` could expand to
    /// before anything is allocated.
    ///
    /// - Throws: ``IndexError`` `corrupt` when the data is not valid zlib of that size.
    static func decompress(_ bytes: UnsafeRawBufferPointer, size: Int, file: String, offset: Int?) throws -> [UInt8] {
        guard size >= 0, size <= (bytes.count + 1) * maximumRatio else {
            throw IndexError.corrupt(
                file: file, offset: offset, "stored block claims \(size) bytes from \(bytes.count) compressed")
        }
        var output = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            uncompress(out.baseAddress, &length, bytes.bindMemory(to: UInt8.self).baseAddress, uLong(bytes.count))
        }
        guard status == Z_OK, Int(length) == size else {
            throw IndexError.corrupt(file: file, offset: offset, "stored block does not decompress (zlib \(status))")
        }
        return output
    }
}
