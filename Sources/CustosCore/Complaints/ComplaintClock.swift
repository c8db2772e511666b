/// The clock for acknowledging a complaint about the handling of personal data (DPA 2018
/// s 164A, inserted by the Data (Use and Access) Act 2025 s 103, in force from 19 June 2026): 30
/// days beginning with the day after the complaint is received, moved to the next working day
/// when the 30th is a weekend or bank holiday, as the ICO's complaints guidance counts them ("What
/// do we do when we receive a complaint?", 2026) and the legal clock for requests does.
/// A complaint received before the duty began has no statutory date.
public struct ComplaintClock: Sendable, Equatable {
    /// The day the duty to acknowledge began.
    public static let dutyBegan = CalendarDay(ordinal: 20_623)  // 2026-06-19
    /// Days after receipt to acknowledge in.
    public static let acknowledgementDays = 30

    public var holidays: BankHolidays

    public init(holidays: BankHolidays = .englandAndWales) {
        self.holidays = holidays
    }

    /// The last day to acknowledge a complaint received on `day`, or nil when it came before the
    /// duty began.
    public func acknowledgeBy(receivedOn day: CalendarDay) -> CalendarDay? {
        guard day >= Self.dutyBegan else { return nil }
        return holidays.workingDay(onOrAfter: day.adding(days: Self.acknowledgementDays))
    }

    /// A date to acknowledge by in any case: the statutory date, or for a complaint received
    /// before the duty, the same 30 days as good practice.
    public func targetDay(receivedOn day: CalendarDay) -> CalendarDay {
        acknowledgeBy(receivedOn: day) ?? holidays.workingDay(onOrAfter: day.adding(days: Self.acknowledgementDays))
    }
}
