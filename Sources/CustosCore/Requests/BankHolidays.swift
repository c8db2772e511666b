public import Foundation

/// The bank holidays of one UK nation, which the legal clock steps over. Kept as data in the
/// form GOV.UK publishes (`https://www.gov.uk/bank-holidays.json`), so a new year's holidays are
/// an import, not a release.
public struct BankHolidays: Sendable, Equatable {
    /// The GOV.UK division: `england-and-wales`, `scotland` or `northern-ireland`.
    public let division: String
    /// Each holiday's day and name.
    public let days: [CalendarDay: String]

    public init(division: String, days: [CalendarDay: String]) {
        self.division = division
        self.days = days
    }

    /// Reads one division of GOV.UK's bank-holidays JSON. Throws ``BankHolidaysError`` naming
    /// what is wrong: not that format, no such division, a date that does not read.
    public init(govUKJSON data: Data, division: String) throws(BankHolidaysError) {
        struct Document: Decodable {
            struct Division: Decodable {
                struct Event: Decodable {
                    var title: String
                    var date: String
                }
                var events: [Event]
            }
        }
        let divisions: [String: Document.Division]
        do {
            divisions = try JSONDecoder().decode([String: Document.Division].self, from: data)
        } catch {
            throw BankHolidaysError("the file is not GOV.UK's bank-holidays JSON (an object of divisions with events)")
        }
        guard let found = divisions[division] else {
            throw BankHolidaysError(
                "the file has no division '\(division)' (it has: \(divisions.keys.sorted().joined(separator: ", ")))")
        }
        var days: [CalendarDay: String] = [:]
        for (position, event) in found.events.enumerated() {
            guard let day = CalendarDay(iso: event.date) else {
                throw BankHolidaysError(
                    "event \(position + 1) ('\(event.title)'): '\(event.date)' is not a date (YYYY-MM-DD)")
            }
            days[day] = event.title
        }
        self.init(division: division, days: days)
    }

    /// Whether `day` is a bank holiday.
    public func contains(_ day: CalendarDay) -> Bool { days[day] != nil }

    /// The last day the list covers: a deadline past it cannot be trusted to skip every holiday.
    public var lastDay: CalendarDay? { days.keys.max() }
}

/// A bank-holidays file that cannot be used, and why.
public struct BankHolidaysError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
