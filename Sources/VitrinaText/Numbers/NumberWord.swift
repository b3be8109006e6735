/// What one word contributes to a spoken number.
enum NumberWord: Equatable {
    /// 0–9 (rank 1), 10–19 (a teen: rank 1, nothing smaller may follow), tens (rank 2),
    /// hundreds (rank 3).
    case cardinal(Double, rank: Int, closesGroup: Bool)
    /// A multiplier: тысяча, миллион, миллиард and their abbreviations.
    case scale(Double)
    /// Digits, possibly with a decimal part: only a scale may follow.
    case digits(Double)
    /// A value that is complete by itself: `полтысячи`, `30к`.
    case complete(Double)
    /// `с`/`з` of `с половиной`: a half follows.
    case halfConnector
    /// `половиной`, `паловай`: a half of the unit before.
    case half

    /// The kind of a value read by ICU: units, teens, tens and hundreds get their rank.
    static func cardinal(_ value: Double) -> NumberWord? {
        guard value >= 0, value == value.rounded() else { return nil }
        switch value {
        case 0..<10: return .cardinal(value, rank: 1, closesGroup: false)
        case 10..<20: return .cardinal(value, rank: 1, closesGroup: true)
        case 20..<100 where value.truncatingRemainder(dividingBy: 10) == 0:
            return .cardinal(value, rank: 2, closesGroup: false)
        case 100..<1000 where value.truncatingRemainder(dividingBy: 100) == 0:
            return .cardinal(value, rank: 3, closesGroup: false)
        case 1000, 1_000_000, 1_000_000_000: return .scale(value)
        default: return .complete(value)
        }
    }
}
