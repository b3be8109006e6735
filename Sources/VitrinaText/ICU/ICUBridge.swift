import CVitrinaICU

/// Swift-side helpers for the `vtr_*` C functions: UTF-8 buffers in and out.
enum ICUBridge {
    /// The signature shared by the C functions that turn UTF-8 into UTF-8.
    typealias Transform = (
        _ source: UnsafePointer<UInt8>?, _ length: Int64,
        _ destination: UnsafeMutablePointer<UInt8>?, _ capacity: Int64,
        _ error: UnsafeMutablePointer<Int32>
    ) -> Int64

    /// Runs a UTF-8 → UTF-8 C transform on `text`, growing the output buffer once if needed.
    ///
    /// - Returns: The transformed text, or `nil` when ICU reports an error.
    static func transform(_ text: String, _ body: Transform) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            var capacity = source.count * 3 + 16
            for _ in 0..<2 {
                var needed: Int64 = 0
                var error: Int32 = 0
                let result = String(unsafeUninitializedCapacity: capacity) { destination in
                    needed = body(
                        source.baseAddress, Int64(source.count), destination.baseAddress,
                        Int64(destination.count), &error)
                    return needed >= 0 && needed <= destination.count ? Int(needed) : 0
                }
                if error > 0 || needed < 0 { return nil }
                if needed <= capacity { return result }
                capacity = Int(needed)
            }
            return nil
        }
    }

    /// The ICU version string of the linked library, such as `72.1`.
    static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        buffer.withUnsafeMutableBufferPointer { vtr_icu_version($0.baseAddress) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
