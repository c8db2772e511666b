public import Foundation

/// A reminder sent to the DPO about an open request: 7 days before it is due, and 1 day before.
/// Kept so that each is sent once.
public struct RequestReminder: Sendable, Hashable {
    /// Days before the due date the reminder is for: 7 or 1.
    public static let marks = [7, 1]
    /// The mark of the one reminder that an educational-record request's clock runs with no due
    /// date, because the school calendar ends before its 15th school day.
    public static let schoolCalendarMark = 15

    public var requestID: UUID
    public var mark: Int
    public var sentAt: Date

    public init(requestID: UUID, mark: Int, sentAt: Date) {
        self.requestID = requestID
        self.mark = mark
        self.sentAt = sentAt
    }
}
