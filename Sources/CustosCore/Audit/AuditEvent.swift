public import Foundation

/// Something that happened to personal data or to the system: who did what, for which purpose
/// and why. It holds ids and counts only, never personal data in plain text.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// The workspace it happened in; `nil` for acts on the whole installation (key rotation).
    public var workspaceID: UUID?
    public var time: Date
    /// Who: `cli:USER`, `api:TOKEN-NAME`, `user:ID`, `system`.
    public var actor: String
    /// What, as a dotted verb: `record.create`, `subject.read`, `import.commit`, `subject.merge`, ...
    public var action: String
    /// The policy purpose the data was used for, when there is one.
    public var purpose: String?
    /// Why, in the actor's words or the system's (no personal data).
    public var reason: String?
    public var subjectID: UUID?
    public var recordID: UUID?
    /// Further non-personal detail: counts, file names, record types.
    public var detail: String?

    public init(
        workspaceID: UUID?, time: Date, actor: String, action: String, purpose: String? = nil, reason: String? = nil,
        subjectID: UUID? = nil, recordID: UUID? = nil, detail: String? = nil
    ) {
        self.workspaceID = workspaceID
        // Stored and hashed to the millisecond.
        self.time = Date(timeIntervalSince1970: (time.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.actor = actor
        self.action = action
        self.purpose = purpose
        self.reason = reason
        self.subjectID = subjectID
        self.recordID = recordID
        self.detail = detail
    }

    /// The time in whole milliseconds since 1970, as stored and hashed.
    public var milliseconds: Int64 { Int64((time.timeIntervalSince1970 * 1000).rounded()) }
}
