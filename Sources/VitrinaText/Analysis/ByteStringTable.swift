/// A hash table from byte strings (with a small tag) to entry numbers, the bytes kept in one
/// arena: interns terms and caches analysis results without a String or an allocation per key.
///
/// Entries are numbered 0, 1, 2, … in insertion order and never removed (except all at once by
/// ``removeAll()``); each carries an `Int32` value. Open addressing with linear probing; each slot
/// holds 32 bits of the hash next to the entry number, so most mismatches are decided without
/// touching the arena. Owned by one thread (it is a class with manual memory, not `Sendable`).
package final class ByteStringTable {
    /// Everything the table holds, behind one pointer: reading a `let` property of a class needs
    /// no exclusivity check, so lookups cost no runtime call (a `var` would cost one per access).
    private struct Storage {
        /// Slots: `(hash >> 32) << 32 | (entry + 1)`; 0 is empty.
        var slots: UnsafeMutablePointer<UInt64>
        var mask: Int
        /// Key bytes of every entry, back to back.
        var arena: UnsafeMutablePointer<UInt8>
        var arenaCapacity: Int
        var arenaCount = 0
        /// The entries (all of one entry in 16 bytes: one cache line fetch per probe).
        var entries: UnsafeMutablePointer<Entry>
        var entryCapacity: Int
        var count = 0
    }

    /// One entry: where its key bytes are, its tag and its value.
    private struct Entry {
        var start: UInt32
        var length: UInt32
        var tag: UInt32
        var value: Int32
    }

    private let storage: UnsafeMutablePointer<Storage>

    /// The number of entries.
    package var count: Int { storage.pointee.count }

    /// Memory held by the table, in bytes (roughly).
    package var memoryBytes: Int {
        let state = storage.pointee
        return (state.mask + 1) * 8 + state.arenaCapacity + state.entryCapacity * 16
    }

    /// Creates an empty table.
    package init() {
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: 1024)
        slots.initialize(repeating: 0, count: 1024)
        storage = .allocate(capacity: 1)
        storage.initialize(
            to: Storage(
                slots: slots, mask: 1023, arena: .allocate(capacity: 16 << 10), arenaCapacity: 16 << 10,
                entries: .allocate(capacity: 512), entryCapacity: 512))
    }

    deinit {
        let state = storage.pointee
        state.slots.deallocate()
        state.arena.deallocate()
        state.entries.deallocate()
        storage.deallocate()
    }

    /// Removes every entry (keeps the memory).
    package func removeAll() {
        storage.pointee.slots.update(repeating: 0, count: storage.pointee.mask + 1)
        storage.pointee.arenaCount = 0
        storage.pointee.count = 0
    }

    /// The hash of `key` with `tag`.
    @inline(__always)
    package static func hash(_ key: UnsafeBufferPointer<UInt8>, tag: UInt32) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(key.count) &* multiplier ^ UInt64(tag)
        guard let base = key.baseAddress, key.count > 0 else { return finalize(hash) }
        let raw = UnsafeRawPointer(base)
        let count = key.count
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                hash = hash << 31 | hash >> 33
                offset += 8
            }
            if offset < count {
                // The last 8 bytes, overlapping what was already mixed.
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
            }
        } else if count >= 4 {
            let low = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            hash = (hash ^ (low | high << 32)) &* multiplier
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word = word << 8 | UInt64(base[index]) }
            hash = (hash ^ word) &* multiplier
        }
        return finalize(hash)
    }

    @inline(__always)
    private static func finalize(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    /// The entry for `key` with `tag`, whose hash is `hash`; `nil` when there is none.
    @inline(__always)
    package func find(_ key: UnsafeBufferPointer<UInt8>, tag: UInt32, hash: UInt64) -> Int? {
        let state = storage.pointee
        let check = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & state.mask
        while true {
            let value = state.slots[slot]
            if value == 0 { return nil }
            if value >> 32 == check {
                let entry = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                let record = state.entries[entry]
                if record.tag == tag, Self.equals(state.arena + Int(record.start), Int(record.length), key) {
                    return entry
                }
            }
            slot = (slot + 1) & state.mask
        }
    }

    /// The value of `entry`.
    @inline(__always)
    package func value(_ entry: Int) -> Int32 { storage.pointee.entries[entry].value }

    /// Adds `key` with `tag` (which must not be present yet) and `value`; returns its entry.
    @discardableResult
    package func insert(_ key: UnsafeBufferPointer<UInt8>, tag: UInt32, hash: UInt64, value: Int32) -> Int {
        if (storage.pointee.count + 1) * 2 > storage.pointee.mask + 1 { grow() }
        if storage.pointee.count == storage.pointee.entryCapacity { growEntries() }
        if storage.pointee.arenaCount + key.count > storage.pointee.arenaCapacity {
            growArena(toHold: storage.pointee.arenaCount + key.count)
        }
        let entry = storage.pointee.count
        let start = storage.pointee.arenaCount
        if let base = key.baseAddress, key.count > 0 {
            (storage.pointee.arena + start).update(from: base, count: key.count)
        }
        storage.pointee.arenaCount += key.count
        (storage.pointee.entries + entry).initialize(
            to: Entry(
                start: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: key.count), tag: tag,
                value: value))
        storage.pointee.count += 1
        place(entry, hash: hash)
        return entry
    }

    /// The key bytes of `entry`; valid until the next insertion.
    @inline(__always)
    package func key(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        let state = storage.pointee
        let record = state.entries[entry]
        return UnsafeBufferPointer(start: state.arena + Int(record.start), count: Int(record.length))
    }

    /// The tag of `entry`.
    package func tag(_ entry: Int) -> UInt32 { storage.pointee.entries[entry].tag }

    @inline(__always)
    private static func equals(_ stored: UnsafePointer<UInt8>, _ count: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool
    {
        guard count == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        let left = UnsafeRawPointer(stored)
        let right = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < count {
            if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            offset += 1
        }
        return true
    }

    private func place(_ entry: Int, hash: UInt64) {
        let state = storage.pointee
        var slot = Int(truncatingIfNeeded: hash) & state.mask
        while state.slots[slot] != 0 { slot = (slot + 1) & state.mask }
        state.slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    /// Doubles the slots and re-places every entry.
    private func grow() {
        let capacity = (storage.pointee.mask + 1) * 2
        storage.pointee.slots.deallocate()
        storage.pointee.slots = .allocate(capacity: capacity)
        storage.pointee.slots.initialize(repeating: 0, count: capacity)
        storage.pointee.mask = capacity - 1
        for entry in 0..<storage.pointee.count {
            place(entry, hash: Self.hash(key(entry), tag: storage.pointee.entries[entry].tag))
        }
    }

    /// Doubles the per-entry arrays.
    private func growEntries() {
        let old = storage.pointee
        let capacity = old.entryCapacity * 2
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        entries.initialize(from: old.entries, count: old.count)
        old.entries.deallocate()
        storage.pointee.entries = entries
        storage.pointee.entryCapacity = capacity
    }

    private func growArena(toHold bytes: Int) {
        var capacity = storage.pointee.arenaCapacity * 2
        while capacity < bytes { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: storage.pointee.arena, count: storage.pointee.arenaCount)
        storage.pointee.arena.deallocate()
        storage.pointee.arena = grown
        storage.pointee.arenaCapacity = capacity
    }
}
