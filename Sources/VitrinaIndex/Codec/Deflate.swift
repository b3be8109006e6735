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

    /// Decompresses a block whose original size is `size`.
    ///
    /// - Throws: ``IndexError`` `corrupt` when the data is not valid zlib of that size.
    static func decompress(_ bytes: UnsafeRawBufferPointer, size: Int, file: String) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            uncompress(out.baseAddress, &length, bytes.bindMemory(to: UInt8.self).baseAddress, uLong(bytes.count))
        }
        guard status == Z_OK, Int(length) == size else {
            throw IndexError.corrupt(file: file, offset: nil, "stored block does not decompress (zlib \(status))")
        }
        return output
    }
}
