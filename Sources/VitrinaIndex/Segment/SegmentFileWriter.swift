/// Assembles the bytes of one segment file (``SegmentFormat``): the header, sections in the
/// order they are added, the section directory and the footer with its CRC-32.
///
/// Both ways a segment is made use it: ``SegmentBuilder`` (documents analyzed in memory) and
/// ``SegmentMerger`` (segments merged without analysis).
struct SegmentFileWriter {
    private var file = ByteWriter()
    private var directory: [(tag: UInt32, field: UInt32, offset: Int, length: Int)] = []

    init() {
        file.write(SegmentFormat.magic)
        file.write(u32: SegmentFormat.version)
    }

    /// Appends a section written by `body` (`field` is `nil` for sections of no field).
    mutating func section(_ tag: SegmentFormat.Tag, _ field: Int?, _ body: (inout ByteWriter) throws -> Void) rethrows {
        let start = file.count
        try body(&file)
        directory.append((tag.rawValue, field.map(UInt32.init) ?? SegmentFormat.noField, start, file.count - start))
    }

    /// The file's bytes: the sections, the directory and the footer.
    consuming func finish() -> [UInt8] {
        var out = file
        file = ByteWriter()
        let directoryOffset = out.count
        for entry in directory {
            out.write(u32: entry.tag)
            out.write(u32: entry.field)
            out.write(u64: UInt64(entry.offset))
            out.write(u64: UInt64(entry.length))
        }
        out.write(u64: UInt64(directoryOffset))
        out.write(u32: UInt32(directory.count))
        out.write(SegmentFormat.endMagic)
        out.write(u32: CRC32.checksum(out.bytes))
        return out.bytes
    }
}
