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

    /// What audiences need of the ledger for `purpose`: every act, by subject in ``SubjectOrder``,
    /// and each subject's in the ledger's order (by time, then place in the ledger).
    func consentActs(forPurpose purpose: String, in workspaceID: UUID) async throws -> [ConsentAct]

    /// The processing-state entries of `subjectIDs`, oldest first.
    func processingStates(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [ProcessingStateEntry]

    /// Every processing-state entry of the workspace, oldest first (for audiences).
    func processingStates(in workspaceID: UUID) async throws -> [ProcessingStateEntry]

    /// The scope of each of `indexes` that is on the suppression list.
    func suppressions(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: SuppressionScope]

    /// Every subject holding an address on the suppression list, with the widest scope.
    func suppressedSubjects(in workspaceID: UUID) async throws -> [UUID: SuppressionScope]

    /// How many addresses are on the suppression list, by reason.
    func suppressionCounts(in workspaceID: UUID) async throws -> [SuppressionReason: Int]

    /// Subjects still present (not merged away, key not destroyed) with a part in a record of one
    /// of `types`, in ``SubjectOrder``, each once.
    func subjectIDs(withRecordsOfTypes types: [String], in workspaceID: UUID) async throws -> [UUID]

    /// Subjects with an identifier of `kind` (e.g. `email`), in ``SubjectOrder``, each once.
    func subjectIDs(withIdentifierKind kind: String, in workspaceID: UUID) async throws -> [UUID]
}
