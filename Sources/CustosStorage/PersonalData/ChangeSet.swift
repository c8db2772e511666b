public import CustosCore
public import Foundation

/// Everything one operation writes to a workspace, applied by a store in one transaction, audit
/// entries included: all of it is written, or none of it. Each feature's changes are a part of
/// their own, which the backends apply feature by feature.
public struct ChangeSet: Sendable {
    public var workspaceID: UUID
    /// People, their identifiers, records and keys, and schools.
    public var people = PersonalDataChanges()
    /// API tokens.
    public var accessTokens = AccessTokenChanges()
    /// Staff accounts.
    public var staffUsers = StaffUserChanges()
    /// Consents, processing states, the suppression list, cookie answers.
    public var contact = ContactChanges()
    /// The outbox and the communications log.
    public var messages = MessageChanges()
    /// The register of requests.
    public var requests = RequestChanges()
    /// The privacy centre's registrations.
    public var registrations = RegistrationChanges()
    /// The DPO's tasks.
    public var tasks = TaskChanges()
    /// Retention's events and anonymised copies.
    public var retention = RetentionChanges()
    /// The complaints register.
    public var complaints = ComplaintChanges()
    /// The breach register.
    public var breaches = BreachChanges()
    /// The disclosure log.
    public var disclosures = DisclosureChanges()
    /// Legal holds.
    public var legalHolds = LegalHoldChanges()
    /// Appended to the audit chain.
    public var audit: [AuditEvent] = []
    /// What must still hold when the set is written, checked first in its transaction.
    public var conditions: [ChangeCondition] = []

    public init(workspaceID: UUID) {
        self.workspaceID = workspaceID
    }

    /// A change set that writes nothing but `events` (acts on no workspace's data, such as key rotation).
    public static func auditOnly(_ events: [AuditEvent], workspaceID: UUID? = nil) -> ChangeSet {
        var changes = ChangeSet(
            workspaceID: workspaceID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        changes.audit = events
        return changes
    }
}
