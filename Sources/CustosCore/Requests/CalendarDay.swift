public import Foundation

/// A date with no time of day, as the legal clock counts: the day a request was received, the
/// day a response is due. Stored as a count of days since 1 January 1970, so adding days and
/// comparing is arithmetic; the calendar is the proleptic Gregorian one.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// The day `year`-`month`-`day`, or nil when there is no such day (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    /// The day `text` names in ISO form, `YYYY-MM-DD`, or nil.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The time zone the legal clock counts days in: England and Wales's (Europe/London).
    public static let clockTimeZone = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Today, in England and Wales.
    public static var today: CalendarDay { CalendarDay(Date(), in: clockTimeZone) }

    /// The day `date` falls on in `timeZone` (for the legal clock, ``clockTimeZone``).
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        ordinal = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// The year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // Civil from days (H. Hinnant's algorithm).
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 for Monday through 7 for Sunday (ISO 8601).
    public var weekday: Int {
        ((ordinal % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(ordinal: ordinal + days)
    }

    /// The same day of the month `months` later; the month's last day when it has no such day
    /// (31 January plus one month is 28 or 29 February).
    public func adding(months: Int) -> CalendarDay {
        let (year, month, day) = components
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (Int((Double(index) / 12).rounded(.down)), ((index % 12) + 12) % 12 + 1)
        let clamped = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CalendarDay(year: newYear, month: newMonth, day: clamped) ?? self
    }

    /// The moment the day begins in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, day) = components
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// For people, without the weekday: "3 November 2026".
    public var long: String {
        let (year, month, day) = components
        return "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    /// For people: "Tuesday 3 November 2026".
    public var description: String {
        let (year, month, day) = components
        return "\(Self.weekdayNames[weekday - 1]) \(day) \(Self.monthNames[month - 1]) \(year)"
    }

    public static func < (left: CalendarDay, right: CalendarDay) -> Bool { left.ordinal < right.ordinal }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
