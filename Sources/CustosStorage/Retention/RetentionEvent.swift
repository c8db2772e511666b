public import CustosCore
public import Foundation

/// Something that happened to a person that a retention rule runs from (`trigger: event`): a
/// headteacher left post, a school's subscription ended. Staff record it; it holds no personal
/// data beyond the fact and the day.
public struct RetentionEvent: Sendable, Equatable {
    public var subjectID: UUID
    /// The event's name, as the policy's rules use it (e.g. `left_post`).
    public var event: String
    public var day: CalendarDay
    public var recordedBy: String
    public var recordedAt: Date

    public init(subjectID: UUID, event: String, day: CalendarDay, recordedBy: String, recordedAt: Date) {
        self.subjectID = subjectID
        self.event = event
        self.day = day
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
