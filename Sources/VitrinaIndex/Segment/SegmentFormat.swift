/// Constants of the segment file format, versions 1 and 2.
///
/// A segment is one immutable file `seg-NNNNNN.vseg`:
///
/// ```
/// "VTRSEG\0\0" | format version u32 | section … section | directory | footer
/// directory: per section: tag u32, field u32, offset u64, length u64
/// footer:    directory offset u64, section count u32, "VTREND\0\0", CRC-32 of all bytes before it u32
/// ```
///
/// Sections of version 2 (written now), per field where it applies; one reader type per
/// structure reads them (``TermDictionary``, ``PostingsCursor``, ``NormsColumn``,
/// ``NumericColumn``, ``KeywordColumn``, ``IdTable``, ``StoredBlocks``):
/// - `meta`: document count, field count, per text field the sum of lengths (for average length);
/// - `termIndex`, `terms`: the term dictionary, a ``SortedTable``: blocks of 32 prefix-compressed
///   terms, each with document frequency, postings offset, positions offset (both as differences
///   within the block), the largest term frequency and the smallest field length among its
///   documents (the term's score bound);
///   `termIndex` holds each block's first term and offset (binary search);
/// - `postings`: per term, documents in blocks of 128 (the last one shorter). A term with more
///   than one block starts with its skip table: per block its last document u32, the offset of
///   its data u32 (from the term's start), the offset of its positions u32 (from the term's
///   positions), its largest frequency u32 and smallest field length u16 (block-max bounds).
///   A full block is a doc-delta width u8 and a frequency width u8, then 128 `document − previous − 1`
///   and 128 `frequency − 1` bit-packed (frame of reference, ``BitPacking``); the last, shorter
///   block is those pairs as varints;
/// - `positions`: per term, per document, position deltas as varints (read only for phrases and
///   the title proximity bonus);
/// - `norms`: the field's length per document: width u8, largest length varint, bit-packed
///   lengths (empty when no document has the field);
/// - `keywordValues`: sorted distinct values, front-coded (shared prefix length, suffix length,
///   suffix); `keywordDocs`: per document its value ordinals,
///   bit-packed: single-valued fields as `ordinal + 1` (0 = none), others as offsets then
///   ordinals (empty when no document has the field);
/// - `numbers`: integers (after scaling by 1, 10, 100 or 1000, so prices are in minor units)
///   as `value × scale − minimum + 1` bit-packed (0 = absent), else float64 per document (NaN
///   absent); empty when no document has a value;
/// - `ids`, `idIndex`: the sorted ids, a ``SortedTable`` whose entries hold the document number;
/// - `summaries`: what a hit shows and voice ranking reads (``StoredProductCodec`` summary: id,
///   title, vendor, price, currency, availability, url, picture, rating, indexed language, codes,
///   category path, a few parameters) in zstd blocks of 16 documents; `details`: the rest of each
///   product (description, other parameters, …) in zstd blocks of 128 documents, read only for
///   whole products (``StoredBlocks`` documents the block layout).
///
/// Every bit-packed area is followed by ``BitPacking/slack`` zero bytes.
///
/// Version 1 (still read): `terms` entries without the bound, offsets whole; `keywordValues`
/// length-prefixed; `postings` blocks of 128 as a
/// count, last document and byte length, then document deltas and frequencies as varints;
/// `norms` u16 per document; `keywordDocs` u32 offsets then u32 ordinals; `numbers` float64 per
/// document; `ids` as u32 offsets, u32 documents and the id bytes; `stored` whole products (stored
/// product version 1 or 2) in zlib blocks of 16 documents.
enum SegmentFormat {
    static let magic: [UInt8] = Array("VTRSEG".utf8) + [0, 0]
    static let endMagic: [UInt8] = Array("VTREND".utf8) + [0, 0]
    /// The version written.
    static let version: UInt32 = 2
    /// The versions read.
    static let readableVersions: ClosedRange<UInt32> = 1...2
    static let footerSize = 8 + 4 + 8 + 4
    static let termBlockSize = 32
    static let postingsBlockSize = 128
    static let fileExtension = "vseg"
    /// Documents per stored block in version 1.
    static let storedBlockSize = 16
    /// Documents per summary block (version 2).
    static let summaryBlockSize = 16
    /// Documents per details block (version 2).
    static let detailsBlockSize = 128
    /// Bytes per section directory entry.
    static let directoryEntrySize = 4 + 4 + 8 + 8
    /// The most fields a schema may have (bounds per-field tables built from a file).
    static let maximumFields = 4_096
    /// Bytes of one skip-table entry (version 2).
    static let skipEntrySize = 18
    /// Term dictionary values (version 2) stored as differences within a block: the postings and
    /// positions offsets.
    static let termDeltas = [false, true, true, false, false]

    /// Section tags.
    enum Tag: UInt32 {
        case meta = 1
        case termIndex, terms, postings, positions, norms
        case keywordValues, keywordDocs, numbers, ids, stored
        case idIndex, summaries, details
    }

    /// The "no field" value of section directory entries.
    static let noField: UInt32 = 0xFFFF_FFFF
}

/// Sorts strings by their UTF-8 bytes, the order of every sorted table in the index.
func utf8Less(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    lhs.lexicographicallyPrecedes(rhs)
}
