/// Days since 1970-01-01 (UTC) and their `yyyy-MM-dd` names, without Foundation's formatters.
enum DayNumber {
    /// The day of a Unix time.
    static func of(_ seconds: Double) -> Int { Int((seconds / 86_400).rounded(.down)) }

    /// `yyyy-MM-dd` of a day number (Howard Hinnant's civil-from-days).
    static func name(_ day: Int) -> String {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }

    /// The Monday of the week of `day` (1970-01-01 was a Thursday).
    static func monday(_ day: Int) -> Int {
        let weekday = ((day + 3) % 7 + 7) % 7
        return day - weekday
    }
}
