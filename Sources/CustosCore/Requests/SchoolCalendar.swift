/// A school's session calendar: its terms and the days inside them it is closed (training days,
/// polling days). Parents' requests to see or copy the educational record are answered within 15
/// school days (Education (Pupil Information) (England) Regulations 2005 reg 5), counted on it.
public struct SchoolCalendar: Sendable, Equatable, Codable {
    /// The terms, first day to last day.
    public var terms: [ClosedRange<CalendarDay>]
    /// Days inside a term when the school is closed to pupils.
    public var closures: Set<CalendarDay>

    public init(terms: [ClosedRange<CalendarDay>], closures: Set<CalendarDay> = []) {
        self.terms = terms.sorted { $0.lowerBound < $1.lowerBound }
        self.closures = closures
    }

    /// A weekday inside a term that is neither a closure nor a bank holiday.
    public func isSchoolDay(_ day: CalendarDay, holidays: BankHolidays) -> Bool {
        !day.isWeekend && !closures.contains(day) && !holidays.contains(day) && terms.contains { $0.contains(day) }
    }

    /// The `count`th school day counting the day of receipt as the first when it is a school
    /// day, or nil when the calendar ends before then (the school must add its next year first).
    public func schoolDay(_ count: Int, from received: CalendarDay, holidays: BankHolidays) -> CalendarDay? {
        guard let last = terms.map(\.upperBound).max(), count > 0 else { return nil }
        var day = received
        var counted = 0
        while day <= last {
            if isSchoolDay(day, holidays: holidays) {
                counted += 1
                if counted == count { return day }
            }
            day = day.adding(days: 1)
        }
        return nil
    }
}
