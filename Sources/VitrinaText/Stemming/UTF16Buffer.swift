/// Fast conversions between UTF-8 text and the UTF-16 buffers the stemmers work on.
///
/// Stemmers index letters directly; every Cyrillic letter is one UTF-16 code unit. These
/// conversions avoid String's general transcoding on the hot path.
enum UTF16Buffer {
    /// Decodes UTF-8 `bytes` into `buffer` (which must hold at least `bytes.count` units) and
    /// returns the number of code units written.
    ///
    /// Invalid sequences become U+FFFD.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt16>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                buffer[count] = UInt16(byte)
                index += 1
            } else if byte & 0xE0 == 0xC0, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 {
                buffer[count] = UInt16(byte & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                // Rare on this path (3- and 4-byte sequences): let the standard decoder do it.
                return count
                    + decodeSlow(
                        UnsafeBufferPointer(rebasing: bytes[index...]),
                        into: UnsafeMutableBufferPointer(rebasing: buffer[count...]))
            }
            count += 1
        }
        return count
    }

    /// The general decoder for the rest of a text.
    private static func decodeSlow(
        _ bytes: UnsafeBufferPointer<UInt8>,
        into buffer: UnsafeMutableBufferPointer<UInt16>
    ) -> Int {
        var count = 0
        for unit in String(decoding: bytes, as: UTF8.self).utf16 where count < buffer.count {
            buffer[count] = unit
            count += 1
        }
        return count
    }

    /// Encodes UTF-16 `units` as a String, with a fast path for units below U+0800.
    @inline(__always)
    static func string(from units: UnsafeBufferPointer<UInt16>) -> String {
        if units.contains(where: { $0 >= 0x800 }) { return String(decoding: units, as: UTF16.self) }
        var length = 0
        for unit in units { length += unit < 0x80 ? 1 : 2 }
        return String(unsafeUninitializedCapacity: length) { output in
            var index = 0
            for unit in units {
                if unit < 0x80 {
                    output[index] = UInt8(unit)
                    index += 1
                } else {
                    output[index] = UInt8(0xC0 | (unit >> 6))
                    output[index + 1] = UInt8(0x80 | (unit & 0x3F))
                    index += 2
                }
            }
            return length
        }
    }

    /// Decodes `word` into a temporary UTF-16 buffer, lets `body` shorten or rewrite it in place
    /// (returning the new length, at most the buffer's capacity of `word.utf8.count` units), and
    /// returns the result as a String: the shared frame of the stemmers.
    @inline(__always)
    static func transform(
        _ word: String, _ body: (UnsafeMutableBufferPointer<UInt16>, Int) -> Int
    ) -> String {
        var word = word
        return word.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: bytes.count) { buffer in
                let length = body(buffer, decode(bytes, into: buffer))
                return string(from: UnsafeBufferPointer(rebasing: buffer[0..<length]))
            }
        }
    }
}
