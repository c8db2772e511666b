/// How long a workspace gives itself to answer a request under UK GDPR Art 12.
public enum ResponsePeriod: String, Sendable, Codable, CaseIterable {
    /// One calendar month by the ICO's method: the same date next month (the month's last day
    /// when it has no such date), moved past weekends and bank holidays.
    case calendarMonth = "calendar_month"
    /// A fixed 28 days, which the ICO allows for the convenience of always ending within a month;
    /// moved past weekends and bank holidays likewise.
    case twentyEightDays = "28_days"
}
