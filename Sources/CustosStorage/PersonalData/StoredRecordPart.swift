public import Foundation

/// One person's part of a record, sealed with that person's data key. A record is the parts that
/// share its id: a booking has the delegate's part and the PA's part, so one person's part can be
/// shown, redacted or erased alone.
public struct StoredRecordPart: Sendable, Hashable {
    public var recordID: UUID
    /// The role in the record type, e.g. `delegate`.
    public var role: String
    public var workspaceID: UUID
    /// The record type's id.
    public var type: String
    public var subjectID: UUID
    public var source: RecordSource
    public var createdAt: Date
    public var updatedAt: Date
    /// The part's values, sealed with the subject's key (see `SubjectKey.recordContext`).
    public var sealed: Data
    /// The originals of pseudonymised values, sealed apart; opened only by re-identification.
    public var reidentification: Data?
    /// For an attendee's part of an attendance record (``EventSettings``), the blind index of the
    /// event attended (kind `event`), so a trainer's attendees are found without opening anything.
    public var eventIndex: Data?
    /// The name index of this part, written with it; nil leaves whatever is indexed untouched
    /// (re-sealing under another key changes no name). Read back as nil.
    public var names: RecordPartNames?

    public init(
        recordID: UUID, role: String, workspaceID: UUID, type: String, subjectID: UUID, source: RecordSource,
        createdAt: Date, updatedAt: Date, sealed: Data, reidentification: Data?, eventIndex: Data? = nil,
        names: RecordPartNames? = nil
    ) {
        self.recordID = recordID
        self.role = role
        self.workspaceID = workspaceID
        self.type = type
        self.subjectID = subjectID
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.sealed = sealed
        self.reidentification = reidentification
        self.eventIndex = eventIndex
        self.names = names
    }
}
