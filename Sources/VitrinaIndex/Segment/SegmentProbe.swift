/// Reads a segment file from end to end, for the fuzz target (`Sources/VitrinaFuzz`).
///
/// A fuzzer that flips bytes of a segment only ever meets the checksum: ``withFixedChecksum(_:)``
/// recomputes the CRC-32 footer of mutated bytes, as an attacker crafting a file would, so every
/// structure check behind it is exercised. The reader itself has no bypass: the fuzzed code is
/// the code that runs.
package enum SegmentProbe {
    /// `bytes` with the last four bytes replaced by the CRC-32 of the rest (little-endian, as
    /// `SegmentBuilder` writes it); unchanged when shorter than a footer.
    package static func withFixedChecksum(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= SegmentFormat.footerSize else { return bytes }
        var fixed = bytes
        let crc = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 4)])) }
        for (offset, shift) in stride(from: 0, to: 32, by: 8).enumerated() {
            fixed[bytes.count - 4 + offset] = UInt8(truncatingIfNeeded: crc >> shift)
        }
        return fixed
    }

    /// Opens the segment at `path`, verifies every structure (as `vitrina check` does) and reads
    /// the norms, numbers, keyword ordinals and stored products of its first documents.
    ///
    /// - Throws: ``IndexError`` for a file that is damaged — the expected outcome for most inputs.
    package static func read(path: String) throws {
        let reader = try SegmentReader(path: path, name: "fuzz")
        let schema = Schema.products
        _ = try reader.verify(schema: schema)
        for document in 0..<min(reader.documentCount, 64) {
            for field in schema.fields.indices {
                _ = reader.norm(field: field, document: document)
                _ = reader.number(field: field, document: document)
            }
            for field in reader.keywordValues.keys {
                _ = try reader.keywordOrdinals(field: field, document: document)
            }
            _ = try reader.storedProduct(document: document)
        }
    }
}
