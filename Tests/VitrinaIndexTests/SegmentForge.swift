import Foundation

@testable import VitrinaIndex

/// Takes a segment file apart and writes it back with some part changed and a recomputed
/// CRC, to craft files that pass the checksum but lie in their structure (issue 12, finding 3).
struct SegmentForge {
    /// One section of the file.
    struct Section {
        var tag: UInt32
        var field: UInt32
        var bytes: [UInt8]
    }

    /// The file's bytes as read.
    let original: [UInt8]
    /// The sections in file order.
    var sections: [Section] = []

    /// Parses a well-formed segment file.
    init(path: String) throws {
        original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let footer = original.count - SegmentFormat.footerSize
        let directory = Int(Self.u64(original, footer))
        let count = Int(Self.u32(original, footer + 8))
        for index in 0..<count {
            let entry = directory + index * SegmentFormat.directoryEntrySize
            let offset = Int(Self.u64(original, entry + 8))
            let length = Int(Self.u64(original, entry + 16))
            sections.append(
                Section(
                    tag: Self.u32(original, entry), field: Self.u32(original, entry + 4),
                    bytes: Array(original[offset..<(offset + length)])))
        }
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) }
    }

    static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) }
    }

    /// The index of the section with `tag` (and `field`, default: the first such section).
    func index(of tag: SegmentFormat.Tag, field: Int? = nil) -> Int? {
        sections.firstIndex { $0.tag == tag.rawValue && (field == nil || $0.field == UInt32(field ?? 0)) }
    }

    /// A directory entry as it will be written; `nil` fields are computed from the sections.
    struct Entry {
        var tag: UInt32
        var field: UInt32
        var offset: UInt64
        var length: UInt64
    }

    /// Writes the file: header, sections, directory (after `editDirectory`), footer (after
    /// `editFooter`: directory offset, section count), then the CRC of everything before it.
    func serialize(
        editDirectory: (inout [Entry]) -> Void = { _ in },
        editFooter: (inout UInt64, inout UInt32) -> Void = { _, _ in }
    ) -> [UInt8] {
        var out = ByteWriter()
        out.write(SegmentFormat.magic)
        out.write(u32: SegmentFormat.version)
        var entries: [Entry] = []
        for section in sections {
            entries.append(
                Entry(
                    tag: section.tag, field: section.field, offset: UInt64(out.count),
                    length: UInt64(section.bytes.count)))
            out.write(section.bytes)
        }
        editDirectory(&entries)
        var directoryOffset = UInt64(out.count)
        for entry in entries {
            out.write(u32: entry.tag)
            out.write(u32: entry.field)
            out.write(u64: entry.offset)
            out.write(u64: entry.length)
        }
        var count = UInt32(entries.count)
        editFooter(&directoryOffset, &count)
        out.write(u64: directoryOffset)
        out.write(u32: count)
        out.write(SegmentFormat.endMagic)
        return Self.withCRC(out.bytes)
    }

    /// `bytes` (without a CRC) followed by their CRC-32.
    static func withCRC(_ bytes: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.write(bytes)
        out.write(u32: CRC32.checksum(bytes))
        return out.bytes
    }

    /// The original file with `bytes` written at `offset` and the CRC recomputed.
    func patched(at offset: Int, _ bytes: [UInt8]) -> [UInt8] {
        var body = Array(original.dropLast(4))
        for (index, byte) in bytes.enumerated() where offset + index < body.count { body[offset + index] = byte }
        return Self.withCRC(body)
    }

    /// Varint bytes of `value`.
    static func varint(_ value: UInt64) -> [UInt8] {
        var out = ByteWriter()
        out.write(varint: value)
        return out.bytes
    }
}
