import CustosCore

/// Days in API bodies and queries: `YYYY-MM-DD`, today in England and Wales when left out.
enum ApiDay {
    /// The day `text` names, or today when it is absent; a bad date is a 400 naming `field`.
    static func parse(_ text: String?, field: String) throws -> CalendarDay {
        guard let text else { return .today }
        guard let day = CalendarDay(iso: text) else { throw ApiError.badRequest("\(field): not a date (YYYY-MM-DD)") }
        return day
    }

    /// The day `text` names, or nil when it is absent.
    static func optional(_ text: String?, field: String) throws -> CalendarDay? {
        guard let text else { return nil }
        return try parse(text, field: field)
    }
}
