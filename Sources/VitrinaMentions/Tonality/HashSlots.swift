/// An open-addressing map from well-mixed 64-bit hashes to row numbers (linear probing).
///
/// Faster than `Dictionary<UInt64, Int32>` on the hot path because keys are already hashes: no
/// second hashing, no per-lookup seed. Key 0 marks an empty slot, so a key of 0 is stored as 1.
struct HashSlots: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private var mask: Int
    private(set) var count = 0

    /// An empty map sized for about `capacity` keys.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        rows = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func normalized(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The row stored for `key`, or `nil`.
    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        let key = Self.normalized(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key { return rows[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `row` for `key` (replacing an earlier row).
    mutating func set(_ key: UInt64, _ row: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.normalized(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        rows[slot] = row
    }

    /// Forgets every key, keeping the capacity.
    mutating func removeAll() {
        for index in keys.indices { keys[index] = 0 }
        count = 0
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldRows = rows
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        rows = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for index in oldKeys.indices where oldKeys[index] != 0 { set(oldKeys[index], oldRows[index]) }
    }
}
