import CVitrinaZlib

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum in every file footer.
///
/// Computed by zlib's `crc32`, the same checksum as the byte-at-a-time table this replaced,
/// several times faster (it reads several bytes per step): opening a segment checks every byte.
enum CRC32 {
    /// The checksum of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        var crc = crc32(0, nil, 0)
        var offset = 0
        // zlib takes lengths as `uInt`: feed it in pieces of at most 1 GiB.
        while offset < bytes.count {
            let length = min(bytes.count - offset, 1 << 30)
            crc = crc32(crc, base + offset, uInt(length))
            offset += length
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The checksum of a byte array.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
