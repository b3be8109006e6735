import CVitrinaZstd

/// zstd compression of stored-product blocks (segment format 2).
enum Zstd {
    /// The compression level: zstd's default, fast to write and several times faster than zlib to read.
    static let level: Int32 = 3

    /// Compresses `bytes`.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        let capacity = ZSTD_compressBound(bytes.count)
        var output = [UInt8](repeating: 0, count: capacity)
        let written = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { source in
                ZSTD_compress(out.baseAddress, capacity, source.baseAddress, source.count, level)
            }
        }
        // ZSTD_compressBound guarantees room; a failure here is a programming error.
        precondition(ZSTD_isError(written) == 0, "zstd compression failed")
        output.removeSubrange(written...)
        return output
    }

    /// Decompresses a block whose original size is `size`.
    ///
    /// - Throws: ``IndexError`` `corrupt` when the data is not a zstd frame of that size.
    static func decompress(_ bytes: UnsafeRawBufferPointer, size: Int, file: String, offset: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        let written = output.withUnsafeMutableBytes { out in
            ZSTD_decompress(out.baseAddress, size, bytes.baseAddress, bytes.count)
        }
        guard ZSTD_isError(written) == 0, written == size else {
            throw IndexError.corrupt(file: file, offset: offset, "stored block does not decompress (zstd)")
        }
        return output
    }
}
