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
}
