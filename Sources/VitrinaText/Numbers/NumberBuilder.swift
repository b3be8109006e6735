/// Accumulates number words into one value; see ``SpokenNumberParser`` for the rules.
struct NumberBuilder {
    /// The sum of completed scale groups (`двадцать тысяч` of `двадцать тысяч пятьсот`).
    private var total = 0.0
    /// The group being built (`пятьсот` above).
    private var group = 0.0
    /// Whether `group` has any word.
    private var groupHasValue = false
    /// The rank of the last cardinal in the group; a new cardinal must rank lower.
    private var lastRank = Int.max
    /// The last scale applied; a following scale must be smaller.
    private var lastScale = Double.infinity
    /// Where the number starts and ends (word indices).
    private var start = -1
    private var end = -1

    /// Whether a number is being built.
    var isActive: Bool { start >= 0 }

    /// Adds a word at `index` spanning `length` words; false when it cannot continue this number
    /// (the caller finishes the number and starts a new one with the same word).
    mutating func add(_ word: NumberWord, at index: Int, length: Int) -> Bool {
        switch word {
        case .cardinal(let value, let rank, let closesGroup):
            guard rank < lastRank else { return false }
            group += value
            groupHasValue = true
            lastRank = closesGroup ? 0 : rank
        case .digits(let value):
            guard !isActive else { return false }
            group = value
            groupHasValue = true
            lastRank = 0
        case .scale(let scale):
            guard scale < lastScale else { return false }
            total += (groupHasValue ? group : 1) * scale
            group = 0
            groupHasValue = false
            lastRank = Int.max
            lastScale = scale
        case .complete(let value):
            guard !isActive else { return false }
            total = value
            lastRank = 0
            lastScale = 0
        case .half:
            guard groupHasValue || total > 0, lastRank != -1 else { return false }
            if groupHasValue {
                group += 0.5
            } else {
                // "две тысячи с половиной": half of the last scale.
                total += 0.5 * lastScale
            }
            lastRank = -1
        case .halfConnector:
            return false
        }
        if start < 0 { start = index }
        end = index + length
        return true
    }

    /// Appends the number built so far (if any) to `result` and resets.
    mutating func finish(into result: inout [SpokenNumber]) {
        if isActive { result.append(SpokenNumber(value: total + group, range: start..<end)) }
        self = NumberBuilder()
    }
}
