import CustosServices
import Foundation
import Hummingbird

/// A task.
struct TaskDocument: ResponseCodable {
    var id: UUID
    var kind: String
    var request: UUID?
    var subject: UUID?
    var summary: String
    var recipients: [String]
    var due: String?
    var done: String?
    var doneBy: String?
    var note: String?

    init(_ task: StoredTask) {
        id = task.id
        kind = task.kind.rawValue
        request = task.requestID
        subject = task.subjectID
        summary = task.summary
        recipients = task.recipients
        due = task.dueOn?.iso
        done = task.doneOn?.iso
        doneBy = task.doneBy
        note = task.note
    }
}
