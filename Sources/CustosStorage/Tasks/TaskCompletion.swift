public import CustosCore
public import Foundation

/// A task marked done, with how.
public struct TaskCompletion: Sendable, Equatable {
    public var taskID: UUID
    public var on: CalendarDay
    public var by: String
    public var note: String

    public init(taskID: UUID, on day: CalendarDay, by actor: String, note: String) {
        self.taskID = taskID
        self.on = day
        self.by = actor
        self.note = note
    }
}
