public import CustosCore
public import Foundation

/// A subject as stored: ids, the wrapped data key and the plain dates retention runs on. Nothing
/// here is personal data in the clear.
public struct StoredSubject: Sendable, Hashable {
    public var id: UUID
    public var workspaceID: UUID
    /// The kind of person (a policy ``SubjectKind`` id), e.g. `pupil`.
    public var kind: String
    public var schoolID: UUID?
    /// The data key, wrapped by a master key; `nil` once destroyed (erasure, or merged away).
    public var key: WrappedKey?
    public var createdAt: Date
    /// The last transaction or communication with the person; retention runs from it.
    public var lastActivityAt: Date
    /// The subject this one was merged into, if it was a duplicate.
    public var mergedInto: UUID?

    public init(
        id: UUID, workspaceID: UUID, kind: String, schoolID: UUID?, key: WrappedKey?, createdAt: Date,
        lastActivityAt: Date, mergedInto: UUID?
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.kind = kind
        self.schoolID = schoolID
        self.key = key
        self.createdAt = createdAt
        self.lastActivityAt = lastActivityAt
        self.mergedInto = mergedInto
    }
}
