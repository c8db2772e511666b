public import CustosCore
public import Foundation

/// Where subjects, records, identifiers, schools and the audit chain are kept. Every call is
/// scoped to one workspace; nothing reads across. The store sees sealed bytes and blind indexes
/// only; ``Vault`` does the sealing.
public protocol PersonalDataStore: Sendable {
    /// Writes `changes` in one transaction, appending its audit events to the chain: keyed when
    /// the master keys are loaded (``auditKeys``); refused when the chain is keyed and they are not.
    func apply(_ changes: ChangeSet) async throws

    /// The workspace's wrapped secrets, by purpose.
    func workspaceSecrets(in workspaceID: UUID) async throws -> [String: WrappedKey]

    /// The subjects each blind index points to (oldest first), for the indexes that have any.
    func subjectIDs(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: [UUID]]

    /// Which of `indexes` belong to erased people.
    func tombstoned(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data>

    func subjects(_ ids: [UUID], in workspaceID: UUID) async throws -> [StoredSubject]

    /// The subjects of a school that are still held: not erased (their key destroyed) nor merged away.
    func subjectIDs(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> [UUID]

    /// A page of a school's people, in the order they were added (`newestFirst`: the latest
    /// first): at most `limit`, after skipping `offset`.
    func subjectIDs(
        inSchool schoolID: UUID, in workspaceID: UUID, newestFirst: Bool, limit: Int, offset: Int
    ) async throws -> [UUID]

    /// How many people a school has, as ``subjectIDs(inSchool:in:)`` counts them.
    func subjectCount(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> Int

    /// The people whose attendance records name an event with one of `eventIndexes` (blind
    /// indexes of kind `event`; see ``StoredRecordPart/eventIndex``), leaving out people whose key
    /// is destroyed.
    func subjectIDs(attending eventIndexes: [Data], in workspaceID: UUID) async throws -> [UUID]

    func identifiers(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredIdentifier]

    /// Groups of subjects that share an identifier: likely duplicates of one person.
    func sharedIdentifiers(in workspaceID: UUID) async throws -> [[UUID]]

    /// People whose names hold every one of `words` (keyed hashes of name words), oldest first, at
    /// most `limit`; only those at `schoolID` when it is given. Merged and erased people have no
    /// names indexed.
    func subjectIDs(
        namedWithAll words: [Data], atSchool schoolID: UUID?, in workspaceID: UUID, limit: Int
    )
        async throws -> [UUID]

    /// Groups of people with the same whole name at the same school (or both at none), oldest
    /// first: possibly one person twice. Only the groups `subjectID` is in, when it is given.
    func sharedNames(in workspaceID: UUID, including subjectID: UUID?) async throws -> [[UUID]]

    /// Every part of every record that concerns `subjectIDs`; none of people whose key is
    /// destroyed, whose parts are sealed for good until purged.
    func recordParts(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [StoredRecordPart]

    /// Every part of one record held by people whose key stands: a part sealed under a destroyed
    /// key is no longer part of the record, though not yet purged.
    func recordParts(ofRecord recordID: UUID, in workspaceID: UUID) async throws -> [StoredRecordPart]

    /// The statements a subject attached to their records, oldest first.
    func recordStatements(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredRecordStatement]

    /// The earlier versions of a subject's parts (as they were before each change), oldest first.
    func recordPartVersions(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredRecordPart]

    /// For each subject, the latest record of `type` in which they play `role`.
    func latestRecordIDs(
        ofType type: String, role: String, subjects: [UUID], in workspaceID: UUID
    ) async throws -> [UUID: UUID]

    func schools(in workspaceID: UUID) async throws -> [School]

    /// Subject keys not wrapped by `masterKeyID`, at most `limit` of them (for rotation).
    func subjectKeys(
        notWrappedBy masterKeyID: String, in workspaceID: UUID, limit: Int
    ) async throws -> [(
        UUID, WrappedKey
    )]

    /// Audit entries after `sequence`, in order, at most `limit`.
    func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry]

    /// The latest audit entries about one person of a workspace, newest first, at most `limit`.
    func auditEntries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int) async throws -> [AuditEntry]

    /// The entries of `workspaceID` that `query` matches, newest first, at most `limit`.
    func auditEntries(in workspaceID: UUID, matching query: AuditQuery, limit: Int) async throws -> [AuditEntry]

    /// How many entries of `workspaceID` `query` matches (its `before` aside), counted up to
    /// `cap`: a count of `cap` means that many or more.
    func auditCount(in workspaceID: UUID, matching query: AuditQuery, cap: Int) async throws -> Int

    /// The last entry's sequence and hash, as recorded beside the chain.
    func auditHead() async throws -> (sequence: Int64, hash: Data)?

    /// The first entry hashed under the chain key, as recorded beside the chain; nil while the
    /// chain has never been written with the master keys loaded.
    func auditKeyedFrom() async throws -> Int64?

    /// The checkpoint of the furthest verification recorded (``AuditCheckpoint``), if any.
    func latestAuditCheckpoint() async throws -> AuditCheckpoint?

    /// Records a checkpoint, in place of any recorded at the same entry.
    func recordAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws

    /// Sets aside every checkpoint at or after entry `sequence`: a verification found a break there.
    func discardAuditCheckpoints(from sequence: Int64) async throws

    /// Chains audit entries written but not yet chained, unless another process is chaining now.
    /// A store that chains each write's entries as it writes them (SQLite) has none waiting.
    func chainPendingAudit() async throws

    /// Where the store finds the audit chain's key. Once the chain is keyed, appending to it
    /// needs the master keys loaded here (``Vault/open(store:workspace:keys:)`` loads them).
    var auditKeys: AuditKeys { get }

    /// Every erasure ever journaled, across workspaces, in the order made.
    func erasureJournal() async throws -> [ErasureJournalEntry]
}

extension PersonalDataStore {
    public func chainPendingAudit() async throws {}
}
