import CustosServices
import Foundation

/// A subject without their records: ids and the plain dates, no personal data.
struct SubjectSummary: Codable {
    var id: UUID
    /// The kind of person, a subject kind of the policy (e.g. `pupil`).
    var kind: String
    var school: UUID?
    var createdAt: Date
    var lastActivityAt: Date
    /// The subject this one was merged into, when it was a duplicate.
    var mergedInto: UUID?

    init(_ subject: StoredSubject) {
        id = subject.id
        kind = subject.kind
        school = subject.schoolID
        createdAt = subject.createdAt
        lastActivityAt = subject.lastActivityAt
        mergedInto = subject.mergedInto
    }
}
