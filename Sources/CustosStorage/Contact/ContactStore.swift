public import CustosCore
public import Foundation

/// Where the consent ledger, processing states and the suppression list are kept. All three are
/// written through a ``ChangeSet``; ledger entries are never rewritten.
public protocol ContactStore: Sendable {
    /// Everything the contact decision needs about one subject, read at once; `nil` when the
    /// workspace has no such subject.
    func contactFacts(ofSubject id: UUID, in workspaceID: UUID) async throws -> StoredContactFacts?

    /// One person with what the door decides a use of their data by and the records it would
    /// answer with, read in one go.
    func subjectForUse(_ id: UUID, in workspaceID: UUID) async throws -> StoredSubjectForUse?

    /// The consent entries of `subjectIDs`, oldest first.
    func consentEntries(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [ConsentEntry]

    /// What audiences need of the ledger for `purpose`: every act of the subjects in `stretch`, by
    /// subject in ``SubjectOrder``, and each subject's in the ledger's order (by time, then place
    /// in the ledger).
    func consentActs(
        forPurpose purpose: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [ConsentAct]

    /// The processing-state entries of `subjectIDs`, oldest first.
    func processingStates(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [ProcessingStateEntry]

    /// Every processing-state entry of the subjects in `stretch`, by subject in ``SubjectOrder``,
    /// each subject's oldest first (for audiences and retention).
    func processingStates(in workspaceID: UUID, among stretch: SubjectStretch) async throws -> [ProcessingStateEntry]

    /// The scope of each of `indexes` that is on the suppression list.
    func suppressions(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: SuppressionScope]

    /// Every subject holding an address on the suppression list, with the widest scope.
    func suppressedSubjects(in workspaceID: UUID) async throws -> [UUID: SuppressionScope]

    /// How many addresses are on the suppression list, by reason.
    func suppressionCounts(in workspaceID: UUID) async throws -> [SuppressionReason: Int]

    /// Subjects in `stretch` still present (not merged away, key not destroyed) with a part in a
    /// record of one of `types`, in ``SubjectOrder``, each once.
    func subjectIDs(
        withRecordsOfTypes types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID]

    /// Subjects in `stretch` with an identifier of `kind` (e.g. `email`), in ``SubjectOrder``, each once.
    func subjectIDs(
        withIdentifierKind kind: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID]

    /// Where a stretch of about `size` people holding records of `types` after `after` ends: at
    /// the subject of the `size`th record part after `after` in whichever type reaches it first.
    /// Nil when no type has that many left: the stretch then runs to the last subject. A stretch
    /// so ended holds at most `size` parts of each type, and the rest of its last person's.
    func subjectStretchEnd(
        holding types: [String], after: UUID?, size: Int, in workspaceID: UUID
    ) async throws -> UUID?
}

extension ContactStore {
    /// ``consentActs(forPurpose:in:among:)`` for every subject of the workspace.
    public func consentActs(forPurpose purpose: String, in workspaceID: UUID) async throws -> [ConsentAct] {
        try await consentActs(forPurpose: purpose, in: workspaceID, among: .all)
    }

    /// ``processingStates(in:among:)`` for every subject of the workspace.
    public func processingStates(in workspaceID: UUID) async throws -> [ProcessingStateEntry] {
        try await processingStates(in: workspaceID, among: .all)
    }

    /// ``subjectIDs(withRecordsOfTypes:in:among:)`` for every subject of the workspace.
    public func subjectIDs(withRecordsOfTypes types: [String], in workspaceID: UUID) async throws -> [UUID] {
        try await subjectIDs(withRecordsOfTypes: types, in: workspaceID, among: .all)
    }

    /// ``subjectIDs(withIdentifierKind:in:among:)`` for every subject of the workspace.
    public func subjectIDs(withIdentifierKind kind: String, in workspaceID: UUID) async throws -> [UUID] {
        try await subjectIDs(withIdentifierKind: kind, in: workspaceID, among: .all)
    }
}
