import Foundation

/// A request's events and what they add up to: its state, when its clock started, how long it
/// stood still, and when it is due. The one place the request state machine lives:
///
/// - awaiting verification → (verified) → in progress;
/// - in progress → (clarification asked) → awaiting clarification → (clarification received) →
///   in progress;
/// - in progress → (submitted for approval) → awaiting approval → (approved) → in progress;
/// - in progress → (completed) → completed, unless an approval asked for is still awaited;
/// - any open state → (refused, with reasons) → refused;
/// - an extension (with its reason) may be recorded while in progress or awaiting clarification,
///   once, and only by the end of the first period.
public struct RequestHistory: Sendable, Equatable {
    public let kind: RequestKind
    public private(set) var events: [RequestEvent] = []
    public private(set) var state: RequestState = .awaitingVerification
    /// Whether a fee must arrive before the clock starts.
    public let awaitsFee: Bool
    /// The workspace's clock: its period decides how long the first month lasts for extensions.
    public let clock: RequestClock
    /// Whether the DPO must approve before the request completes (an erasure, where the policy
    /// says so).
    public let needsApproval: Bool

    /// A new request of `kind` received on `day`. `identityShown` when staff already know the
    /// person (they asked in person, or from the address on file); `awaitsFee` only where a fee
    /// may lawfully be charged (a manifestly unfounded or excessive request, further copies).
    public init(
        kind: RequestKind, receivedOn day: CalendarDay, by actor: String, identityShown: Bool = false,
        awaitsFee: Bool = false, needsApproval: Bool = false, clock: RequestClock = RequestClock()
    ) {
        self.kind = kind
        self.awaitsFee = awaitsFee
        self.needsApproval = needsApproval
        self.clock = clock
        events = [RequestEvent(.received, on: day, by: actor)]
        if identityShown {
            events.append(RequestEvent(.verified, on: day, by: actor, reason: "identity known when received"))
            state = .inProgress
        }
    }

    /// The history of recorded `events`, replayed through the same checks; throws if they could
    /// not have happened in that order.
    public init(
        kind: RequestKind, awaitsFee: Bool = false, needsApproval: Bool = false, clock: RequestClock = RequestClock(),
        replaying events: [RequestEvent]
    ) throws(RequestError) {
        guard let first = events.first, first.action == .received else {
            throw RequestError("a request's history begins with its receipt")
        }
        self.kind = kind
        self.awaitsFee = awaitsFee
        self.needsApproval = needsApproval
        self.clock = clock
        self.events = [first]
        // Replayed as recorded: rules added since (a clarification only before the due date)
        // judge new steps, not steps taken before them.
        for event in events.dropFirst() { try apply(event) }
    }

    /// Records `event` if the state allows it; otherwise throws, naming what is allowed.
    public mutating func record(_ event: RequestEvent) throws(RequestError) {
        if event.action == .clarificationAsked, state == .inProgress, kind != .educationalRecord {
            guard let start = clockStart else {
                throw RequestError(
                    "the clock is not running (a fee is awaited): a clarification stops a running clock (UK GDPR Art 12A)"
                )
            }
            let due = clock.deadline(start: start, extended: has(.extended), pausedDays: pausedDays(asOf: event.day))
                .due
            guard event.day <= due else {
                throw RequestError(
                    "the request was due on \(due.iso): a clarification is asked while the clock runs, by the due date, and cannot move a date already passed (UK GDPR Art 12A)"
                )
            }
        }
        try apply(event)
    }

    /// Records `event` by the state machine's rules.
    private mutating func apply(_ event: RequestEvent) throws(RequestError) {
        guard event.day >= events[events.count - 1].day else {
            throw RequestError("\(event.action.rawValue) on \(event.day.iso) is before the request's last step")
        }
        if [.extended, .refused, .approved].contains(event.action),
            event.reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true
        {
            throw RequestError("\(event.action.rawValue): give the reason")
        }
        let next: RequestState
        switch (event.action, state) {
        case (.received, _):
            throw RequestError("the request was received already")
        case (.verified, .awaitingVerification):
            next = .inProgress
        case (.feeReceived, .awaitingVerification), (.feeReceived, .inProgress):
            guard awaitsFee, !has(.feeReceived) else { throw RequestError("no fee is awaited") }
            next = state
        case (.clarificationAsked, .inProgress):
            next = .awaitingClarification
        case (.clarificationReceived, .awaitingClarification):
            next = .inProgress
        case (.extended, .inProgress), (.extended, .awaitingClarification):
            guard kind != .educationalRecord else {
                throw RequestError("a request for the educational record cannot be extended")
            }
            guard !has(.extended) else { throw RequestError("the request was extended already") }
            guard let start = clockStart,
                clock.mayExtend(start: start, pausedDays: pausedDays(asOf: event.day), on: event.day)
            else {
                throw RequestError("an extension must be told to the person within the first month")
            }
            next = state
        case (.submittedForApproval, .inProgress):
            next = .awaitingApproval
        case (.approved, .awaitingApproval):
            next = .inProgress
        case (.refused, let open) where !open.isClosed:
            next = .refused
        case (.completed, .inProgress):
            if approvalAwaited || (needsApproval && !has(.approved)) {
                throw RequestError("the DPO must approve it first: submit it for approval")
            }
            next = .completed
        default:
            throw RequestError(
                "\(event.action.rawValue) is not possible while the request is \(state.rawValue.replacingOccurrences(of: "_", with: " "))"
            )
        }
        events.append(event)
        state = next
    }

    /// Whether the request has an event of `action`.
    public func has(_ action: RequestEvent.Action) -> Bool { events.contains { $0.action == action } }

    /// An approval was asked for and not yet given: completing must wait.
    var approvalAwaited: Bool {
        guard let asked = events.lastIndex(where: { $0.action == .submittedForApproval }) else { return false }
        return !events[asked...].contains { $0.action == .approved }
    }

    /// The day the clock started: the latest of receipt, identity and (where awaited) the fee;
    /// nil while identity or the fee is awaited.
    public var clockStart: CalendarDay? {
        guard let verified = events.first(where: { $0.action == .verified })?.day else { return nil }
        var start = max(events[0].day, verified)
        if awaitsFee {
            guard let paid = events.first(where: { $0.action == .feeReceived })?.day else { return nil }
            start = max(start, paid)
        }
        return start
    }

    /// Calendar days the clock stood still awaiting clarification, up to `today` for a pause
    /// still running.
    public func pausedDays(asOf today: CalendarDay) -> Int {
        var total = 0
        var since: CalendarDay?
        for event in events {
            switch event.action {
            case .clarificationAsked: since = event.day
            case .clarificationReceived:
                if let start = since { total += start.days(to: event.day) }
                since = nil
            default: break
            }
        }
        if let start = since { total += start.days(to: max(start, today)) }
        return total
    }

    /// When the answer is due (for the educational record, 15 school days on `calendar`), as of
    /// `today`; nil while the clock has not started, or when the school calendar does not reach
    /// far enough.
    public func deadline(schoolCalendar calendar: SchoolCalendar? = nil, asOf today: CalendarDay) -> RequestDeadline? {
        guard let start = clockStart else { return nil }
        if kind == .educationalRecord {
            guard let calendar, let due = calendar.schoolDay(15, from: start, holidays: clock.holidays) else {
                return nil
            }
            return RequestDeadline(
                start: start, due: due, pausedDays: 0, extended: false,
                steps: [
                    "The request was received on \(start) (day 1 if a school day).",
                    "The 15th school day on the school's calendar is \(due).",
                ]
            ).checked(against: clock.holidays)
        }
        return clock.deadline(start: start, extended: has(.extended), pausedDays: pausedDays(asOf: today))
    }
}
