/// When a request must be answered, and how that date was worked out, step by step, so a DPO
/// (or the ICO) can check it.
public struct RequestDeadline: Sendable, Equatable, Codable {
    /// The day the clock started: the latest of the request, proof of identity and any fee.
    public var start: CalendarDay
    /// The day the answer is due.
    public var due: CalendarDay
    /// Calendar days the clock stood still while the person was asked for more information.
    public var pausedDays: Int
    /// Whether this is the extended period (two months more).
    public var extended: Bool
    /// How `due` was reached, one sentence a step.
    public var steps: [String]
    /// Set when `due` falls in a year whose bank holidays are not known: a holiday may have been
    /// missed, and GOV.UK's newer list should be imported.
    public var warning: String?

    public init(
        start: CalendarDay, due: CalendarDay, pausedDays: Int, extended: Bool, steps: [String], warning: String? = nil
    ) {
        self.start = start
        self.due = due
        self.pausedDays = pausedDays
        self.extended = extended
        self.steps = steps
        self.warning = warning
    }

    /// This deadline, with a warning when `due` is past the years `holidays` know.
    func checked(against holidays: BankHolidays) -> RequestDeadline {
        guard holidays.isBeyondKnownYears(due) else { return self }
        var checked = self
        checked.warning =
            "the bank holidays known end with \(holidays.lastYear.map(String.init) ?? "no year"): \(due.iso) may be a holiday; import GOV.UK's list (custos calendar holidays import)"
        return checked
    }
}
