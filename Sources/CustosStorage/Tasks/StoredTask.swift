public import CustosCore
public import Foundation

/// Work the law asks of staff that Custos cannot do itself, such as telling a person's recipients
/// that their data was erased (Art 19). Listed until someone marks it done, with a note of how.
public struct StoredTask: Sendable, Equatable {
    public var id: UUID
    public var workspaceID: UUID
    public var kind: TaskKind
    /// The request it comes from, if any.
    public var requestID: UUID?
    public var subjectID: UUID?
    /// What to do, without personal data: "Tell Local authority, DfE that request … was erased".
    public var summary: String
    /// Who to tell, by name from the policy (organisations, never people).
    public var recipients: [String]
    public var dueOn: CalendarDay?
    public var createdAt: Date
    public var createdBy: String
    public var doneOn: CalendarDay?
    public var doneBy: String?
    /// How it was done, or why it could not be (impossible or disproportionate effort).
    public var note: String?

    public init(
        id: UUID = UUID(), workspaceID: UUID, kind: TaskKind, requestID: UUID?, subjectID: UUID?, summary: String,
        recipients: [String], dueOn: CalendarDay?, createdAt: Date, createdBy: String, doneOn: CalendarDay? = nil,
        doneBy: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.kind = kind
        self.requestID = requestID
        self.subjectID = subjectID
        self.summary = summary
        self.recipients = recipients
        self.dueOn = dueOn
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.doneOn = doneOn
        self.doneBy = doneBy
        self.note = note
    }
}
