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
        let divisions = try Self.divisions(govUKJSON: data)
        guard let found = divisions[division] else {
            throw BankHolidaysError(
                "the file has no division '\(division)' (it has: \(divisions.keys.sorted().joined(separator: ", ")))")
        }
        self = found
    }

    /// Every division of GOV.UK's bank-holidays JSON, by name. Throws ``BankHolidaysError``
    /// naming what is wrong: not that format, a date that does not read.
    public static func divisions(govUKJSON data: Data) throws(BankHolidaysError) -> [String: BankHolidays] {
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
        var result: [String: BankHolidays] = [:]
        for (division, found) in divisions {
            var days: [CalendarDay: String] = [:]
            for (position, event) in found.events.enumerated() {
                guard let day = CalendarDay(iso: event.date) else {
                    throw BankHolidaysError(
                        "\(division), event \(position + 1) ('\(event.title)'): '\(event.date)' is not a date (YYYY-MM-DD)"
                    )
                }
                days[day] = event.title
            }
            result[division] = BankHolidays(division: division, days: days)
        }
        return result
    }

    /// The holidays as GOV.UK's bank-holidays JSON with this one division, in date order: the
    /// form they are kept in, and read back by ``init(govUKJSON:division:)``.
    public func govUKJSON() -> Data {
        struct Event: Encodable {
            var title: String
            var date: String
        }
        struct Division: Encodable {
            var division: String
            var events: [Event]
        }
        let events = days.sorted { $0.key < $1.key }.map { Event(title: $0.value, date: $0.key.iso) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode([division: Division(division: division, events: events)])) ?? Data("{}".utf8)
    }

    /// Whether `day` is a bank holiday.
    public func contains(_ day: CalendarDay) -> Bool { days[day] != nil }

    /// The last day the list covers: a deadline past it cannot be trusted to skip every holiday.
    public var lastDay: CalendarDay? { days.keys.max() }

    /// The last year the list covers.
    public var lastYear: Int? { lastDay?.components.year }

    /// Whether `day` falls in a year after the last the list covers, where a holiday may be
    /// missed: a due date there is given with a warning.
    public func isBeyondKnownYears(_ day: CalendarDay) -> Bool {
        guard let lastYear else { return true }
        return day.components.year > lastYear
    }

    /// The first day from `day` on that is neither a weekend nor a holiday.
    public func workingDay(onOrAfter day: CalendarDay) -> CalendarDay {
        var day = day
        while day.isWeekend || contains(day) { day = day.adding(days: 1) }
        return day
    }

    /// These holidays with `newer`'s in place of theirs for every year `newer` covers: an
    /// imported GOV.UK file is the word on the years it lists (a holiday moved for an occasion is
    /// moved, not doubled), and the shipped list stands for the rest.
    public func updated(with newer: BankHolidays) -> BankHolidays {
        let years = Set(newer.days.keys.map(\.components.year))
        var merged = days.filter { !years.contains($0.key.components.year) }
        merged.merge(newer.days) { _, new in new }
        return BankHolidays(division: division, days: merged)
    }

    /// The UK's three divisions for bank holidays, as GOV.UK names them.
    public enum Division: String, Sendable, CaseIterable, Codable {
        case englandAndWales = "england-and-wales"
        case scotland
        case northernIreland = "northern-ireland"
    }
}

/// A bank-holidays file that cannot be used, and why.
public struct BankHolidaysError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
