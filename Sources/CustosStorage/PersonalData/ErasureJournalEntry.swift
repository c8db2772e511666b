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
    /// Made by the retention sweep: the records ran their course, so a replay leaves no tombstone
    /// and no suppression (the person may come back), unlike an erasure on request.
    public var byRetention: Bool

    public init(
        workspaceID: UUID, subjectID: UUID, recordTypes: [String]?, erasedAt: Date, requestID: UUID?,
        byRetention: Bool = false
    ) {
        self.workspaceID = workspaceID
        self.subjectID = subjectID
        self.recordTypes = recordTypes
        self.erasedAt = erasedAt
        self.requestID = requestID
        self.byRetention = byRetention
    }

    enum CodingKeys: String, CodingKey {
        case workspaceID, subjectID, recordTypes, erasedAt, requestID, byRetention
    }

    /// Reads an entry, including one exported before `byRetention` was kept (then false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workspaceID = try container.decode(UUID.self, forKey: .workspaceID)
        subjectID = try container.decode(UUID.self, forKey: .subjectID)
        recordTypes = try container.decodeIfPresent([String].self, forKey: .recordTypes)
        erasedAt = try container.decode(Date.self, forKey: .erasedAt)
        requestID = try container.decodeIfPresent(UUID.self, forKey: .requestID)
        byRetention = try container.decodeIfPresent(Bool.self, forKey: .byRetention) ?? false
    }
}
