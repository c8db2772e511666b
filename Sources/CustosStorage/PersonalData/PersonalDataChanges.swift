public import CustosCore
public import Foundation

/// Changes to a workspace's people, their identifiers, records and keys, and its schools.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct PersonalDataChanges: Sendable {
    public var schools: [School] = []
    public var subjects: [StoredSubject] = []
    public var subjectUpdates: [SubjectUpdate] = []
    /// Added unless already there.
    public var identifiers: [StoredIdentifier] = []
    /// Subjects whose identifiers are all removed (before ``identifiers`` are added).
    public var identifiersRemoved: [UUID] = []
    /// Subjects whose parts of every record are deleted (erasure), with their earlier versions,
    /// statements and name words.
    public var recordPartsRemoved: [UUID] = []
    /// Subjects whose name words (the blind indexes a search by name reads) are all removed.
    public var nameWordsRemoved: [UUID] = []
    /// People erased by having their key destroyed, whose sealed rows (record parts, earlier
    /// versions, statements) are deleted now: a retention sweep destroys keys first and purges
    /// what they sealed afterwards. Only the rows of those whose key is gone, and who were not
    /// merged into someone, are deleted.
    public var sealedRowsPurged: [UUID] = []
    /// Subjects whose parts of records of these types are deleted (an erasure that keeps other
    /// types under an exemption).
    public var recordPartsRemovedOfTypes: [UUID: [String]] = [:]
    /// Subjects' parts of these records deleted (records whose retention period ended), with their
    /// earlier versions and statements.
    public var recordPartsRemovedOfRecords: [UUID: [UUID]] = [:]
    /// Inserted, or replacing the part with the same record id and role.
    public var recordParts: [StoredRecordPart] = []
    /// Parts as they were before being replaced, kept as earlier versions of their record.
    public var recordPartVersions: [StoredRecordPart] = []
    /// People's statements attached to records whose correction was refused.
    public var recordStatements: [StoredRecordStatement] = []
    /// Blind indexes of identifiers never to be re-created (erased people).
    public var tombstones: [Data] = []
    /// Workspace secrets, wrapped, by purpose; added unless the workspace has one for the purpose.
    public var secrets: [String: WrappedKey] = [:]
    /// Workspace secrets wrapped again under another master key (rotation), by purpose.
    public var rewrappedSecrets: [String: WrappedKey] = [:]
    /// Appended to the erasure journal, which a restore replays.
    public var erasureJournal: [ErasureJournalEntry] = []

    public init() {}
}
