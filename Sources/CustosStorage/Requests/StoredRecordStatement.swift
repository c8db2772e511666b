package import CustosCore
public import Foundation

/// A person's statement attached to a record they asked to have corrected, when the correction
/// was refused (the school notice promises to add their comments). Sealed under the person's data
/// key like their part of the record, shown with it, and erased with them.
public struct StoredRecordStatement: Sendable, Equatable {
    public var id: UUID
    public var recordID: UUID
    /// The record's type, so an erasure of the type removes it too.
    public var type: String
    public var subjectID: UUID
    public var requestID: UUID
    /// The statement, sealed under the person's data key.
    public var sealed: Data
    public var addedAt: Date

    public init(
        id: UUID = UUID(), recordID: UUID, type: String, subjectID: UUID, requestID: UUID, sealed: Data, addedAt: Date
    ) {
        self.id = id
        self.recordID = recordID
        self.type = type
        self.subjectID = subjectID
        self.requestID = requestID
        self.sealed = sealed
        self.addedAt = addedAt
    }

    /// The associated data the statement is sealed with.
    package static func sealContext(workspaceID: UUID, statementID: UUID, recordID: UUID) -> Envelope.Context {
        Envelope.Context("statement", workspaceID.uuidString, statementID.uuidString, recordID.uuidString)
    }
}
