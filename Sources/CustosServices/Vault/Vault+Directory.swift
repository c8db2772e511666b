public import CustosStorage
public import Foundation

/// What the web pages and commands look up about a workspace without opening anyone's personal
/// data: its schools, who belongs to a school or attends an event, how a record is held, the
/// audit log and the access tokens. Ids and sealed rows only; what is in the records is read
/// through the door (``Vault/read(subject:as:purpose:ground:reason:)``).
extension Vault {
    /// The workspace's schools.
    public func schools() async throws -> [School] {
        try await store.schools(in: workspace.id)
    }

    /// The school `id`, if the workspace holds it.
    public func school(_ id: UUID) async throws -> School? {
        try await schools().first { $0.id == id }
    }

    /// The ids of the people who belong to school `schoolID` (erased and merged people no longer do).
    public func memberIDs(ofSchool schoolID: UUID) async throws -> [UUID] {
        try await store.subjectIDs(inSchool: schoolID, in: workspace.id)
    }

    /// A page of the school `schoolID`'s people, in the order they were added (`newestFirst`: the
    /// latest first), with how many it has in all.
    public func memberIDs(
        ofSchool schoolID: UUID, newestFirst: Bool, limit: Int, offset: Int
    ) async throws -> (ids: [UUID], total: Int) {
        (
            try await store.subjectIDs(
                inSchool: schoolID, in: workspace.id, newestFirst: newestFirst, limit: limit, offset: offset),
            try await store.subjectCount(inSchool: schoolID, in: workspace.id)
        )
    }

    /// The ids of the people with a record of any of `types`.
    public func subjectIDs(withRecordsOfTypes types: [String]) async throws -> [UUID] {
        try await store.subjectIDs(withRecordsOfTypes: types, in: workspace.id)
    }

    /// The ids of the people attending any of `events` (found by the events' blind indexes).
    public func attendeeIDs(ofEvents events: [String]) async throws -> [UUID] {
        try await store.subjectIDs(attending: events.map(eventIndex), in: workspace.id)
    }

    /// How record `id` is held: one sealed part per person it is about, with their role. Empty
    /// when the workspace has no such record.
    public func parts(ofRecord id: UUID) async throws -> [StoredRecordPart] {
        try await store.recordParts(ofRecord: id, in: workspace.id)
    }

    /// The workspace's policy version in force.
    public func currentPolicyVersion() async throws -> PolicyVersion? {
        try await store.currentPolicyVersion(in: workspace)
    }

    /// The workspace's policy versions, oldest first.
    public func policyVersions() async throws -> [PolicyVersion] {
        try await store.policyVersions(in: workspace)
    }

    /// The workspace's audit log.
    public var auditLog: AuditLog { AuditLog(store: store) }

    /// The workspace's API access tokens.
    public var accessTokens: AccessTokens { AccessTokens(store: store) }
}
