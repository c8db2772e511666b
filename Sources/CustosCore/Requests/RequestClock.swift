/// The legal clock for requests under UK GDPR Arts 15–22 (RULES.md §1), by the ICO's method:
///
/// - the day the clock starts is day 1, whether or not it is a working day;
/// - one month later is the same date next month, or that month's last day when it has no such
///   date (30 January gives 28 or 29 February); an extension gives three months from the start;
/// - days paused while the person was asked to clarify are added;
/// - a due date on a weekend or bank holiday moves to the next working day.
///
/// A workspace may use a fixed 28 days instead of the month (`rights.deadline` in its policy). Where the
/// statute's "period beginning with" is read strictly, the period ends a day earlier
/// (``endsDayBefore``); the default is the ICO's reading.
public struct RequestClock: Sendable, Equatable {
    public var period: ResponseDeadline
    public var holidays: BankHolidays
    /// Ends each period the day before the ICO's date (the strict reading of "beginning with").
    public var endsDayBefore: Bool

    public init(
        period: ResponseDeadline = .oneMonth, holidays: BankHolidays = .englandAndWales, endsDayBefore: Bool = false
    ) {
        self.period = period
        self.holidays = holidays
        self.endsDayBefore = endsDayBefore
    }

    /// The deadline for a clock started on `start`, extended or not, with `pausedDays` added.
    public func deadline(start: CalendarDay, extended: Bool = false, pausedDays: Int = 0) -> RequestDeadline {
        var steps = ["The clock started on \(start) (day 1)."]
        var day: CalendarDay
        switch (period, extended) {
        case (.oneMonth, _), (.fixed28Days, true):
            let months = extended ? 3 : 1
            let (_, _, startDay) = start.components
            day = start.adding(months: months)
            let length = months == 1 ? "One month" : "Three months (one, and two more for the extension)"
            if day.components.day == startDay {
                steps.append("\(length) later is \(day).")
            } else {
                steps.append("\(length) later has no day \(startDay): the month's last day, \(day).")
            }
        case (.fixed28Days, false):
            day = start.adding(days: 28)
            steps.append("The workspace allows 28 days: \(day).")
        }
        if endsDayBefore {
            day = day.adding(days: -1)
            steps.append("Read strictly, the period ends the day before: \(day).")
        }
        if pausedDays > 0 {
            day = day.adding(days: pausedDays)
            steps.append(
                "The clock stood still for \(pausedDays) day\(pausedDays == 1 ? "" : "s") awaiting clarification: \(day)."
            )
        }
        while day.isWeekend || holidays.contains(day) {
            let reason = holidays.days[day].map { "is \($0)" } ?? "falls on a \(day.isWeekend ? "weekend" : "holiday")"
            let next = day.adding(days: 1)
            steps.append("\(day) \(reason): \(next).")
            day = next
        }
        return RequestDeadline(start: start, due: day, pausedDays: pausedDays, extended: extended, steps: steps)
            .checked(against: holidays)
    }

    /// Whether an extension may still be taken on `day`: the person must be told within the
    /// first period, that is by the unextended due date.
    public func mayExtend(start: CalendarDay, pausedDays: Int = 0, on day: CalendarDay) -> Bool {
        day <= deadline(start: start, pausedDays: pausedDays).due
    }
}
