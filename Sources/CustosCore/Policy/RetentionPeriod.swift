/// A length of time written in words: `5 years`, `6 months`, `1 year 6 months`, `30 days`, `0 days`.
public struct RetentionPeriod: Sendable, Hashable, PolicyText, CustomStringConvertible {
    public var years: Int
    public var months: Int
    public var days: Int

    public init(years: Int = 0, months: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.days = days
    }

    public init(policyText text: String) throws(PolicyTextError) {
        let expected = PolicyTextError(
            expected: "a period such as '5 years', '6 months', '1 year 6 months' or '30 days'")
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).filter { $0 != "and" }
        guard !words.isEmpty, words.count.isMultiple(of: 2) else { throw expected }
        var period = RetentionPeriod()
        for pair in stride(from: 0, to: words.count, by: 2) {
            guard let amount = Int(words[pair]), amount >= 0 else { throw expected }
            switch words[pair + 1] {
            case "year", "years": period.years += amount
            case "month", "months": period.months += amount
            case "week", "weeks": period.days += amount * 7
            case "day", "days": period.days += amount
            default: throw expected
            }
        }
        self = period
    }

    /// Whether the period is zero: the action falls due on the trigger date.
    public var isZero: Bool { years == 0 && months == 0 && days == 0 }

    public var description: String {
        var parts: [String] = []
        if years > 0 { parts.append(years == 1 ? "1 year" : "\(years) years") }
        if months > 0 { parts.append(months == 1 ? "1 month" : "\(months) months") }
        if days > 0 { parts.append(days == 1 ? "1 day" : "\(days) days") }
        return parts.isEmpty ? "0 days" : parts.joined(separator: " ")
    }
}
