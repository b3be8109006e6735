/// A hash table from byte strings (with a small tag) to entry numbers, the bytes kept in one
/// arena: interns terms and caches analysis results without a String or an allocation per key.
///
/// Entries are numbered 0, 1, 2, … in insertion order and never removed (except all at once by
/// ``removeAll()``); each carries an `Int32` value. Open addressing with linear probing; each slot
/// holds 32 bits of the hash next to the entry number, so most mismatches are decided without
/// touching the arena. Owned by one thread (it is a class with manual memory, not `Sendable`).
package final class ByteStringTable {
    /// Slots: `(hash >> 32) << 32 | (entry + 1)`; 0 is empty.
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask: Int
    /// Key bytes of every entry, back to back.
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0
    /// Per entry: start of its bytes in the arena; one more element closes the last entry.
    private var starts: [Int] = [0]
    /// Per entry: its tag.
    private var tags: [UInt32] = []
    /// Per entry: its value.
    package private(set) var values: [Int32] = []

    /// The number of entries.
    package var count: Int { tags.count }

    /// Memory held by the table, in bytes (roughly).
    package var memoryBytes: Int { (mask + 1) * 8 + arenaCapacity + tags.capacity * 20 }

    /// Creates an empty table.
    package init() {
        mask = 1023
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        arenaCapacity = 16 << 10
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        arena.deallocate()
    }

    /// Removes every entry (keeps the memory).
    package func removeAll() {
        slots.update(repeating: 0, count: mask + 1)
        arenaCount = 0
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        tags.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
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
        let check = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = slots[slot]
            if value == 0 { return nil }
            if value >> 32 == check {
                let entry = Int(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                if tags[entry] == tag, equals(entry, key) { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `key` with `tag` (which must not be present yet) and `value`; returns its entry.
    @discardableResult
    package func insert(_ key: UnsafeBufferPointer<UInt8>, tag: UInt32, hash: UInt64, value: Int32) -> Int {
        if (count + 1) * 2 > mask + 1 { grow() }
        if arenaCount + key.count > arenaCapacity { growArena(toHold: arenaCount + key.count) }
        if let base = key.baseAddress, key.count > 0 { (arena + arenaCount).update(from: base, count: key.count) }
        arenaCount += key.count
        let entry = count
        starts.append(arenaCount)
        tags.append(tag)
        values.append(value)
        place(entry, hash: hash)
        return entry
    }

    /// The key bytes of `entry`; valid until the next insertion.
    @inline(__always)
    package func key(_ entry: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: arena + starts[entry], count: starts[entry + 1] - starts[entry])
    }

    /// The tag of `entry`.
    package func tag(_ entry: Int) -> UInt32 { tags[entry] }

    @inline(__always)
    private func equals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        let count = starts[entry + 1] - start
        guard count == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        let left = UnsafeRawPointer(arena + start)
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
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(entry + 1)
    }

    /// Doubles the slots and re-places every entry.
    private func grow() {
        let capacity = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        mask = capacity - 1
        for entry in 0..<count { place(entry, hash: Self.hash(key(entry), tag: tags[entry])) }
    }

    private func growArena(toHold bytes: Int) {
        var capacity = arenaCapacity * 2
        while capacity < bytes { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = grown
        arenaCapacity = capacity
    }
}
