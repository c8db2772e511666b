public import Foundation

/// What writing one record did.
public enum RecordWriteOutcome: Sendable, Hashable {
    /// A new record; `newSubjects` of its people were new to the workspace.
    case created(recordID: UUID, subjects: [String: UUID], newSubjects: Int)
    /// The person's existing record of this type was replaced (re-import, upsert by identifier).
    case updated(recordID: UUID, subjects: [String: UUID])
    /// An identifier belongs to someone who was erased; nothing was written.
    case suppressed(role: String)

    public var recordID: UUID? {
        switch self {
        case .created(let id, _, _), .updated(let id, _): id
        case .suppressed: nil
        }
    }
}
