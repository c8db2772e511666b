public import CustosStorage
public import Foundation

/// One person's part of a record, opened.
public struct RecordView: Sendable, Hashable {
    public var recordID: UUID
    /// The record type's id.
    public var type: String
    /// The part the person plays in it.
    public var role: String
    public var subjectID: UUID
    public var source: RecordSource
    public var createdAt: Date
    public var updatedAt: Date
    /// Field name → value; pseudonymised fields hold their pseudonyms.
    public var values: [String: String]
    /// The fields whose values are pseudonyms.
    public var pseudonymised: [String]

    public init(
        recordID: UUID, type: String, role: String, subjectID: UUID, source: RecordSource, createdAt: Date,
        updatedAt: Date, values: [String: String], pseudonymised: [String]
    ) {
        self.recordID = recordID
        self.type = type
        self.role = role
        self.subjectID = subjectID
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.values = values
        self.pseudonymised = pseudonymised
    }
}
