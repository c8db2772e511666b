import CustosCore
public import Foundation

/// What the retention engine reads: who has been inactive, the events recorded for people, and
/// which kinds of record each person holds. Writes go through a ``ChangeSet``.
public protocol RetentionStore: Sendable {
    /// Live people (key not destroyed, not merged) of `stretch` whose last activity is before
    /// `cutoff` and who hold part of a record of one of `types`, with their last activity.
    func subjectsInactive(
        before cutoff: Date, holding types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(subjectID: UUID, lastActivityAt: Date)]

    /// The events named `event` recorded for live people of `stretch`, earliest first.
    func retentionEvents(
        named event: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [RetentionEvent]

    /// The kinds of record each of `subjectIDs` holds a part of; none for a person whose key is
    /// destroyed, whose parts are sealed for good until purged.
    func recordTypes(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<String>]

    /// Up to `limit` people after `after`, in id order, whose key is destroyed (and who were not
    /// merged into someone) but whose sealed rows remain: record parts, earlier versions or
    /// statements. A retention sweep destroys keys at once and purges these afterwards
    /// (``PersonalDataChanges/sealedRowsPurged``).
    func erasedSubjectsHoldingSealedRows(after: UUID?, limit: Int, in workspaceID: UUID) async throws -> [UUID]

    /// Live people of `stretch` holding part of a record of `type`.
    func subjectIDs(holding type: String, in workspaceID: UUID, among stretch: SubjectStretch) async throws -> [UUID]

    /// The parts of records of `types` made before `cutoff` of live people of `stretch`: the
    /// record, the person, the type and when it was made.
    func recordPartsCreated(
        before cutoff: Date, types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(recordID: UUID, subjectID: UUID, type: String, createdAt: Date)]

    /// The records each of `subjectIDs` holds a part of.
    func recordIDs(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<UUID>]

    /// What anonymisation kept of records of `type` (every type when nil), in the order kept.
    func anonymisedRecords(ofType type: String?, in workspaceID: UUID) async throws -> [AnonymisedRecord]
}
