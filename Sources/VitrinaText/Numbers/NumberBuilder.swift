/// Accumulates number words into one value; see ``SpokenNumberParser`` for the rules.
///
/// Inside a group, cardinals must come in strictly falling rank (hundreds, tens, units; a teen
/// closes the group). A scale multiplies the group before it (or 1 when there is none) and adds
/// it to the total; each following scale must be smaller. `add` returns false for a word that
/// cannot continue the number, and the caller starts a new number with it.
struct NumberBuilder {
    /// The sum of completed scale groups (`двадцать тысяч` of `двадцать тысяч пятьсот`).
    private var total = 0.0
    /// The group being built (`пятьсот` above).
    private var group = 0.0
    /// Whether `group` has any word.
    private var groupHasValue = false
    /// The rank of the last cardinal in the group; a new cardinal must rank lower
    /// (`Int.max`: nothing yet, 0: nothing more may follow, -1: a half was added).
    private var lastRank = Int.max
    /// The last scale applied; a following scale must be smaller.
    private var lastScale = Double.infinity
    /// Whether the last word added was digits (`к` may follow).
    private var lastWasDigits = false
    /// The first word index of the number (-1 when no number is being built).
    private var start = -1
    /// The word index just past the number.
    private var end = -1

    /// Whether a number is being built.
    var isActive: Bool { start >= 0 }

    /// Adds a word at `index` spanning `length` words; false when it cannot continue this number
    /// (the caller finishes the number and starts a new one with the same word).
    mutating func add(_ word: NumberWord, at index: Int, length: Int) -> Bool {
        var isDigits = false
        switch word {
        case .cardinal(let value, let rank, let closesGroup):
            guard rank < lastRank else { return false }
            group += value
            groupHasValue = true
            lastRank = closesGroup ? 0 : rank
        case .digits(let value):
            if isActive {
                // "2 тысячи 500": whole digits below the last scale fill the empty group.
                guard !groupHasValue, lastRank == Int.max, lastScale.isFinite, value < lastScale,
                    value == value.rounded()
                else { return false }
            }
            group = value
            groupHasValue = true
            lastRank = 0
            isDigits = true
        case .scale(let scale):
            guard applyScale(scale) else { return false }
        case .scaleAfterDigits(let scale):
            guard lastWasDigits, applyScale(scale) else { return false }
        case .complete(let value):
            guard !isActive else { return false }
            total = value
            lastRank = 0
            lastScale = 0
        case .half:
            guard groupHasValue || total > 0, lastRank != -1, lastScale > 0 else { return false }
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
        lastWasDigits = isDigits
        if start < 0 { start = index }
        end = index + length
        return true
    }

    /// Multiplies the current group (or 1) by `scale`; false when `scale` may not follow.
    private mutating func applyScale(_ scale: Double) -> Bool {
        guard scale < lastScale else { return false }
        total += (groupHasValue ? group : 1) * scale
        group = 0
        groupHasValue = false
        lastRank = Int.max
        lastScale = scale
        return true
    }

    /// Appends the number built so far (if any) to `result` and resets.
    mutating func finish(into result: inout [SpokenNumber]) {
        if isActive { result.append(SpokenNumber(value: total + group, range: start..<end)) }
        self = NumberBuilder()
    }
}
