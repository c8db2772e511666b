public import Foundation

/// One erasure, as the journal keeps it: whose, of which record types (or the whole person), and
/// when. Written in the same transaction as the erasure; holds no personal data. A restore of an
/// earlier backup replays the journal, so no one erased comes back (``ErasureReplay``).
public struct ErasureJournalEntry: Sendable, Equatable, Codable {
    public var workspaceID: UUID
    public var subjectID: UUID
    /// The record types erased, or nil when the whole person was (key destroyed).
    public var recordTypes: [String]?
    public var erasedAt: Date
    /// The erasure request carried out, if any.
    public var requestID: UUID?

    public init(workspaceID: UUID, subjectID: UUID, recordTypes: [String]?, erasedAt: Date, requestID: UUID?) {
        self.workspaceID = workspaceID
        self.subjectID = subjectID
        self.recordTypes = recordTypes
        self.erasedAt = erasedAt
        self.requestID = requestID
    }
}
