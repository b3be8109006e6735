/// Constants of the segment file format, version 1.
///
/// A segment is one immutable file `seg-NNNNNN.vseg`:
///
/// ```
/// "VTRSEG\0\0" | format version u32 | section … section | directory | footer
/// directory: per section: tag u32, field u32, offset u64, length u64
/// footer:    directory offset u64, section count u32, "VTREND\0\0", CRC-32 of all bytes before it u32
/// ```
///
/// Sections, per field where it applies:
/// - `meta`: document count, field count, per text field the sum of lengths (for average length);
/// - `termIndex`: every 32nd term of the sorted dictionary with its block's offset (binary search);
/// - `terms`: blocks of 32 prefix-compressed terms: shared prefix length, suffix, document
///   frequency, postings offset, positions offset (varints);
/// - `postings`: per term, blocks of 128 documents: count, last document, byte length, then
///   document deltas and frequencies as varints (the block header is the skip data);
/// - `positions`: per term, per document, position deltas as varints;
/// - `norms`: per document the field's length in tokens, u16 (empty when no document has the field);
/// - `keywordValues`, `keywordDocs`: sorted distinct values; per document its value ordinals
///   (u32 offsets, then u32 ordinals; empty when no document has the field);
/// - `numbers`: per document a float64, NaN when absent (empty when no document has a value);
/// - `ids`: the sorted ids with their document numbers (update and delete by id);
/// - `stored`: the products in ``StoredProductCodec``'s binary form, in zlib-compressed blocks of 16 documents (block
///   count, u64 block offsets, then per block its uncompressed size u32 and the zlib data).
enum SegmentFormat {
    static let magic: [UInt8] = Array("VTRSEG".utf8) + [0, 0]
    static let endMagic: [UInt8] = Array("VTREND".utf8) + [0, 0]
    static let version: UInt32 = 1
    static let footerSize = 8 + 4 + 8 + 4
    static let termBlockSize = 32
    static let postingsBlockSize = 128
    static let fileExtension = "vseg"
    static let storedBlockSize = 16
    /// Bytes per section directory entry.
    static let directoryEntrySize = 4 + 4 + 8 + 8
    /// The most fields a schema may have (bounds per-field tables built from a file).
    static let maximumFields = 4_096

    /// Section tags.
    enum Tag: UInt32 {
        case meta = 1
        case termIndex, terms, postings, positions, norms
        case keywordValues, keywordDocs, numbers, ids, stored
    }

    /// The "no field" value of section directory entries.
    static let noField: UInt32 = 0xFFFF_FFFF
}

/// Sorts strings by their UTF-8 bytes, the order of every sorted table in the index.
func utf8Less(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    lhs.lexicographicallyPrecedes(rhs)
}
