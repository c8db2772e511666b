public import CustosCore
public import Foundation

/// A record that a person's data left the workspace (DESIGN.md "Disclosure"): to whom, what, on
/// which ground, why, who decided and when. The recipient is an organisation, from the policy or
/// not; why is sealed under a key of the disclosure's own.
public struct StoredDisclosure: Sendable, Equatable {
    public var id: UUID
    public var subjectID: UUID
    public var disclosedOn: CalendarDay
    /// The policy's recipient id, when the recipient is one the policy names.
    public var recipientID: String?
    /// The recipient's name: the policy's, or as given for another organisation.
    public var recipientName: String
    /// What kind of organisation, for a recipient the policy does not name.
    public var recipientKind: DisclosureRecipientKind?
    public var facts: DisclosureFacts
    /// The day the person was told, for a disclosure made without telling them.
    public var toldOn: CalendarDay?
    /// The task to tell the person, for a disclosure made without telling them.
    public var taskID: UUID?
    /// Who decided to disclose.
    public var decidedBy: String
    /// The disclosure's own key, sealed under the workspace's requesters key.
    public var key: Data
    /// ``DisclosureText`` as JSON, sealed under the disclosure's key.
    public var sealed: Data
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), subjectID: UUID, disclosedOn: CalendarDay, recipientID: String?, recipientName: String,
        recipientKind: DisclosureRecipientKind?, facts: DisclosureFacts, toldOn: CalendarDay? = nil,
        taskID: UUID? = nil, decidedBy: String, key: Data, sealed: Data, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.subjectID = subjectID
        self.disclosedOn = disclosedOn
        self.recipientID = recipientID
        self.recipientName = recipientName
        self.recipientKind = recipientKind
        self.facts = facts
        self.toldOn = toldOn
        self.taskID = taskID
        self.decidedBy = decidedBy
        self.key = key
        self.sealed = sealed
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Made without telling the person, who has not been told yet: it stays out of what they are
    /// shown (an access package) until they are.
    public var awaitsTelling: Bool { facts.madeWithoutTelling && toldOn == nil }
}
