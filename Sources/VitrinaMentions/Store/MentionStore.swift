import VitrinaIndex

/// The mentions of a shop in their own VitrinaIndex directory: the same atomic, durable commits
/// as the product index (a crash leaves the last commit), one writer at a time, and the texts
/// searchable with `vitrina search --index DIR`.
///
/// Adding a mention whose id is already stored replaces it.
///
/// ```swift
/// let store = try MentionStore(path: "mentions.index")
/// try store.add(Mention(id: "vk-1", text: "Доставили быстро"))
/// _ = try store.commit()
/// let all = try MentionStore.read(path: "mentions.index")
/// ```
public final class MentionStore {
    private let writer: IndexWriter

    /// Opens (or creates) the store at `path` for writing.
    ///
    /// - Throws: ``VitrinaIndex/IndexError`` (`locked` when another writer has it, …).
    public init(path: String) throws {
        writer = try IndexWriter(path: path)
    }

    /// Adds `mention`, replacing a stored mention with the same id.
    ///
    /// - Throws: ``VitrinaIndex/IndexError`` when the buffer cannot be flushed.
    public func add(_ mention: Mention) throws {
        try writer.add(MentionDocument.product(mention))
    }

    /// Deletes the mention with `id`; returns false when there is none.
    ///
    /// - Throws: ``VitrinaIndex/IndexError`` when a segment cannot be read.
    @discardableResult
    public func delete(id: String) throws -> Bool {
        try writer.delete(id: id)
    }

    /// Makes every change visible at once, durably.
    ///
    /// - Returns: What the commit changed (products there are mentions here).
    /// - Throws: ``VitrinaIndex/IndexError``; the store keeps its last commit.
    public func commit() throws -> IndexWriter.CommitSummary {
        try writer.commit()
    }

    /// Every mention of the last commit at `path`, in storage order.
    ///
    /// - Throws: ``VitrinaIndex/IndexError`` (`no-index` when nothing was imported there).
    public static func read(path: String) throws -> [Mention] {
        var mentions: [Mention] = []
        try forEach(path: path) { mentions.append($0) }
        return mentions
    }

    /// Calls `body` with every mention of the last commit at `path`.
    ///
    /// - Throws: ``VitrinaIndex/IndexError``, or what `body` throws.
    public static func forEach(path: String, _ body: (Mention) throws -> Void) throws {
        let reader = try IndexReader(path: path)
        try reader.forEachProduct { try body(MentionDocument.mention($0)) }
    }
}
