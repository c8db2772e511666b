package import CustosCore

extension CalendarDay {
    /// A day as both stores keep it (`YYYY-MM-DD` text), or a corrupt-data error.
    package static func stored(_ text: String) throws -> CalendarDay {
        guard let day = CalendarDay(iso: text) else { throw StoreError.corruptData("a request date reads '\(text)'") }
        return day
    }
}
