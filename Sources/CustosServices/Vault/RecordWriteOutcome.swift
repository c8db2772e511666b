public import Foundation

/// What writing one record did.
public enum RecordWriteOutcome: Sendable, Hashable {
    /// A new record; `newSubjects` of its people were new to the workspace.
    case created(recordID: UUID, subjects: [String: UUID], newSubjects: Int)
    /// The person's existing record of this type was replaced (re-import, upsert by identifier).
    case updated(recordID: UUID, subjects: [String: UUID])
    /// An identifier belongs to someone who was erased; nothing was written.
    case suppressed(role: String)
    /// The role is about someone already held, and no one was found by the id or identifier
    /// given (or none was given); nothing was written, and no one was made.
    case personNotFound(role: String)
    /// The record names by URN (in `field`) a school the workspace does not hold; nothing was written.
    case schoolNotHeld(field: String)
    /// The record is identified only by `field`, which tells people apart only within a school
    /// (``IdentifierScope/school``), and no school is given; nothing was written, and no one was made.
    case schoolNeeded(field: String)

    public var recordID: UUID? {
        switch self {
        case .created(let id, _, _), .updated(let id, _): id
        case .suppressed, .personNotFound, .schoolNotHeld, .schoolNeeded: nil
        }
    }
}
