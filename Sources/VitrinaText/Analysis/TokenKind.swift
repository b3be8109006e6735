/// The kind of a token, decided by the tokenizer.
public enum TokenKind: String, Codable, Sendable, CaseIterable {
    /// Letters only (with inner apostrophes): `телевизор`, `сям'я`, `samsung`.
    case word
    /// A number, with a `.` decimal separator: `128`, `2.5`.
    case number
    /// Letters and digits together, as in model names: `s24`, `rtx4070`, `iphone15`.
    case modelCode
    /// A unit after a number, in canonical form: `gb` for `гб`/`ГБ`/`gb`, `in` for `"`.
    case unit
}
