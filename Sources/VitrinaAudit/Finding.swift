/// One problem (or opportunity) the audit found on a page.
public struct Finding: Sendable, Equatable, Codable {
    /// How much it matters.
    public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
        /// An assistant cannot answer, or would answer wrongly.
        case error
        /// The answer is degraded, or eligibility is lost.
        case warning
        /// An opportunity.
        case notice

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        /// Errors first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The stable check id (`sd.offer.price`).
    public var check: String
    /// The severity.
    public var severity: Severity
    /// What is wrong, in the report's language.
    public var message: String
    /// How to fix it, in the report's language.
    public var fix: String

    /// Creates a finding.
    public init(check: String, severity: Severity, message: String, fix: String) {
        self.check = check
        self.severity = severity
        self.message = message
        self.fix = fix
    }
}

/// The language of a report.
public enum ReportLanguage: String, Sendable, Codable, CaseIterable {
    /// Russian.
    case ru
    /// Belarusian.
    case be
    /// English.
    case en
}
