/// Fixed-width bit packing of unsigned integers (frame of reference), little-endian bit order:
/// value *i* occupies bits `[i * width, (i + 1) * width)` of the packed bytes.
///
/// Readers load 8 bytes at a time, so every packed area written by ``pack(_:width:into:)``
/// is followed by ``slack`` zero bytes; callers check at open that the slack is there.
enum BitPacking {
    /// Zero bytes written after packed values so an 8-byte load at the last value stays inside.
    static let slack = 8

    /// The number of bits needed for `value` (0 for 0).
    static func width(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }

    /// The number of bytes `count` values of `width` bits take (without slack).
    static func byteCount(count: Int, width: Int) -> Int { (count * width + 7) / 8 }

    /// Appends `values` packed at `width` bits (each must fit), without slack.
    static func pack(_ values: some Collection<UInt64>, width: Int, into out: inout ByteWriter) {
        guard width > 0 else { return }
        var accumulator: UInt64 = 0
        var filled = 0
        for value in values {
            accumulator |= value << UInt64(filled)
            if filled + width >= 64 {
                let spill = filled + width - 64
                out.write(u64: accumulator)
                accumulator = spill > 0 ? value >> UInt64(width - spill) : 0
                filled = spill
            } else {
                filled += width
            }
        }
        while filled > 0 {
            out.write(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            filled -= 8
        }
    }

    /// Value number `index` of the values packed at `width` bits from `base`.
    ///
    /// Precondition: `width` ≤ 56 and the packed area plus ``slack`` lies inside the mapping
    /// (checked when the structure is opened).
    @inline(__always)
    static func get(_ base: UnsafeRawPointer, index: Int, width: Int) -> UInt64 {
        let bit = index &* width
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
        return (word >> UInt64(bit & 7)) & ((1 << UInt64(width)) &- 1)
    }

    /// Unpacks `count` values of `width` bits (≤ 32) from `base` into `output`.
    ///
    /// Precondition: as for ``get(_:index:width:)``.
    @inline(__always)
    static func unpack(_ base: UnsafeRawPointer, count: Int, width: Int, into output: UnsafeMutablePointer<UInt32>) {
        if width == 0 {
            output.update(repeating: 0, count: count)
            return
        }
        let mask = (UInt64(1) << UInt64(width)) &- 1
        var bit = 0
        for index in 0..<count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
            output[index] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit &+= width
        }
    }
}
