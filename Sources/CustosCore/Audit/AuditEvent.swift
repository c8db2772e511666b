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
    /// The people a page of many showed (a school's people, a course's attendees): one entry for
    /// the view that still appears in each one's own trail. Empty for an entry about one person
    /// (`subjectID`) or none.
    public var shown: [UUID]

    public init(
        workspaceID: UUID?, time: Date, actor: String, action: String, purpose: String? = nil, reason: String? = nil,
        subjectID: UUID? = nil, recordID: UUID? = nil, detail: String? = nil, shown: [UUID] = []
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
        self.shown = shown
    }

    private enum CodingKeys: String, CodingKey {
        case workspaceID, time, actor, action, purpose, reason, subjectID, recordID, detail, shown
    }

    /// Reads an event, one written before `shown` was kept among them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            workspaceID: try container.decodeIfPresent(UUID.self, forKey: .workspaceID),
            time: try container.decode(Date.self, forKey: .time),
            actor: try container.decode(String.self, forKey: .actor),
            action: try container.decode(String.self, forKey: .action),
            purpose: try container.decodeIfPresent(String.self, forKey: .purpose),
            reason: try container.decodeIfPresent(String.self, forKey: .reason),
            subjectID: try container.decodeIfPresent(UUID.self, forKey: .subjectID),
            recordID: try container.decodeIfPresent(UUID.self, forKey: .recordID),
            detail: try container.decodeIfPresent(String.self, forKey: .detail),
            shown: try container.decodeIfPresent([UUID].self, forKey: .shown) ?? [])
    }

    /// The time in whole milliseconds since 1970, as stored and hashed.
    public var milliseconds: Int64 { Int64((time.timeIntervalSince1970 * 1000).rounded()) }
}
