/// The deleted documents of one segment as a bitset file (`seg-N.del-G`).
///
/// Format: `"VTRDEL\0\0"`, document count u32, the bits (document `d` is bit `d % 8` of byte
/// `d / 8`), CRC-32 of all bytes before it.
struct DeletionSet: Equatable {
    private(set) var bits: [UInt8]
    let documentCount: Int

    static let magic: [UInt8] = Array("VTRDEL".utf8) + [0, 0]

    init(documentCount: Int) {
        self.documentCount = documentCount
        bits = Array(repeating: 0, count: (documentCount + 7) / 8)
    }

    /// Whether `document` is deleted.
    func contains(_ document: Int) -> Bool {
        bits[document >> 3] & (1 << UInt8(document & 7)) != 0
    }

    /// Marks `document` deleted; returns false when it already was.
    @discardableResult
    mutating func insert(_ document: Int) -> Bool {
        if contains(document) { return false }
        bits[document >> 3] |= 1 << UInt8(document & 7)
        return true
    }

    /// The number of deleted documents.
    var count: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The file bytes.
    func serialize() -> [UInt8] {
        var out = ByteWriter()
        out.write(Self.magic)
        out.write(u32: UInt32(documentCount))
        out.write(bits)
        let crc = CRC32.checksum(out.bytes)
        out.write(u32: crc)
        return out.bytes
    }

    /// Reads a deletion file.
    static func load(_ bytes: [UInt8], path: String, documentCount: Int) throws -> DeletionSet {
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else {
            throw IndexError(code: .foreignFile, path: path, offset: 0, message: "not a Vitrina deletion file")
        }
        let crc = bytes[(bytes.count - 4)...].enumerated().reduce(UInt32(0)) {
            $0 | UInt32($1.element) << (8 * $1.offset)
        }
        guard CRC32.checksum(Array(bytes[..<(bytes.count - 4)])) == crc else {
            throw IndexError.corrupt(file: path, offset: bytes.count - 4, "checksum mismatch")
        }
        var set = DeletionSet(documentCount: documentCount)
        let count = bytes[8..<12].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard count == documentCount, bytes.count - 16 == set.bits.count else {
            throw IndexError.corrupt(file: path, offset: 8, "document count does not match its segment")
        }
        set.bits = Array(bytes[12..<(bytes.count - 4)])
        return set
    }
}
