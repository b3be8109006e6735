/// What one word contributes to a spoken number.
enum NumberWord: Equatable, Sendable {
    /// 0–9 (rank 1), 10–19 (a teen: rank 2 as tens, so `девяносто восемнадцать` is two numbers, and
    /// nothing smaller may follow), tens (rank 2), hundreds (rank 3). `полтора` is 1.5 with rank 1 and
    /// closes its group.
    case cardinal(Double, rank: Int, closesGroup: Bool)
    /// A multiplier: тысяча, миллион, миллиард and their abbreviations.
    case scale(Double)
    /// A multiplier that only counts right after digits: `к`/`k` in `30 к`, which is a preposition
    /// anywhere else (`к пятнице`).
    case scaleAfterDigits(Double)
    /// Digits, possibly with a decimal part: only a scale may follow.
    case digits(Double)
    /// A value that is complete by itself: `полтысячи`, `30к`, `двухтысячный`.
    case complete(Double)
    /// `с`/`со`/`з` of `с половиной`: a half follows.
    case halfConnector
    /// `половиной`, `паловай`: a half of the unit before.
    case half

    /// The meaning of a whole-word value (read by ICU): units, teens, tens and hundreds get their
    /// rank, 10³/10⁶/10⁹ are scales, any other non-negative integer is complete by itself.
    static func cardinal(_ value: Double) -> NumberWord? {
        guard value >= 0, value == value.rounded(), value < 1e15 else { return nil }
        switch value {
        case 0..<10: return .cardinal(value, rank: 1, closesGroup: false)
        case 10..<20: return .cardinal(value, rank: 2, closesGroup: true)
        case 20..<100 where value.truncatingRemainder(dividingBy: 10) == 0:
            return .cardinal(value, rank: 2, closesGroup: false)
        case 100..<1000 where value.truncatingRemainder(dividingBy: 100) == 0:
            return .cardinal(value, rank: 3, closesGroup: false)
        case 1000, 1_000_000, 1_000_000_000: return .scale(value)
        default: return .complete(value)
        }
    }
}
