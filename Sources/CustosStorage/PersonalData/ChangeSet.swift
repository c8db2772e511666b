public import CustosCore
public import Foundation

/// Everything one operation writes to a workspace, applied by a store in one transaction, audit
/// entries included: all of it is written, or none of it.
public struct ChangeSet: Sendable {
    public var workspaceID: UUID
    public var schools: [School] = []
    public var subjects: [StoredSubject] = []
    public var subjectUpdates: [SubjectUpdate] = []
    /// Added unless already there.
    public var identifiers: [StoredIdentifier] = []
    /// Subjects whose identifiers are all removed (before ``identifiers`` are added).
    public var identifiersRemoved: [UUID] = []
    /// Subjects whose parts of every record are deleted (erasure).
    public var recordPartsRemoved: [UUID] = []
    /// Subjects whose parts of records of these types are deleted (an erasure that keeps other
    /// types under an exemption).
    public var recordPartsRemovedOfTypes: [UUID: [String]] = [:]
    /// Subjects' parts of these records deleted (records whose retention period ended), with their
    /// earlier versions and statements.
    public var recordPartsRemovedOfRecords: [UUID: [UUID]] = [:]
    /// Inserted, or replacing the part with the same record id and role.
    public var recordParts: [StoredRecordPart] = []
    /// Parts as they were before being replaced, kept as earlier versions of their record.
    public var recordPartVersions: [StoredRecordPart] = []
    /// People's statements attached to records whose correction was refused.
    public var recordStatements: [StoredRecordStatement] = []
    /// Blind indexes of identifiers never to be re-created (erased people).
    public var tombstones: [Data] = []
    /// Workspace secrets, wrapped, by purpose; added unless the workspace has one for the purpose.
    public var secrets: [String: WrappedKey] = [:]
    /// Workspace secrets wrapped again under another master key (rotation), by purpose.
    public var rewrappedSecrets: [String: WrappedKey] = [:]
    /// API tokens made.
    public var accessTokens: [StoredAccessToken] = []
    /// API tokens revoked, by id, with the time.
    public var revokedAccessTokens: [UUID: Date] = [:]
    /// Staff users added, or replacing the user with the same id.
    public var staffUsers: [StoredStaffUser] = []
    /// Appended to the consent ledger.
    public var consentEntries: [ConsentEntry] = []
    /// Appended to the processing-state history.
    public var processingStates: [ProcessingStateEntry] = []
    /// Added to the suppression list; an address already there keeps the wider scope.
    public var suppressions: [StoredSuppression] = []
    /// Taken off the suppression list where they were put on it by an opt-out or an objection (the
    /// person opted in again); addresses of erased people and those added by staff stay.
    public var suppressionsLifted: [Data] = []
    /// Website visitors' answers to the cookie banner.
    public var cookieConsents: [CookieConsentRecord] = []
    /// Added to the outbox.
    public var messages: [StoredMessage] = []
    /// Outbox changes after an attempt, or a retry by staff.
    public var messageUpdates: [MessageUpdate] = []
    /// Appended to the communications log.
    public var messageEvents: [MessageEvent] = []
    /// Added to the register of requests.
    public var requests: [StoredRequest] = []
    /// Requests' new states and due dates.
    public var requestUpdates: [RequestUpdate] = []
    /// Appended to requests' histories.
    public var requestEvents: [StoredRequestEvent] = []
    /// Requests whose party, kept in plain text before it was sealed, is now sealed (the plain
    /// text cleared); a request another process sealed first keeps its seal.
    public var requestPartiesSealed: [UUID: SealedText] = [:]
    /// Who made requests in the privacy centre, added with their requests.
    public var requesters: [StoredRequester] = []
    /// Confirmation links sent, by request, with the time.
    public var requesterLinksSent: [UUID: Date] = [:]
    /// Requesters who followed their confirmation link, by request, with the time (kept once set).
    public var requestersConfirmed: [UUID: Date] = [:]
    /// Registrations made in the privacy centre, waiting for their link.
    public var registrations: [StoredRegistration] = []
    /// Registration links sent, by registration, with the time.
    public var registrationLinksSent: [UUID: Date] = [:]
    /// Registrations confirmed.
    public var registrationsConfirmed: [RegistrationConfirmed] = []
    /// Registrations removed, with their sealed details: done with, or never confirmed.
    public var registrationsRemoved: [UUID] = []
    /// The workspace's school calendar, replacing the one kept.
    public var schoolCalendar: SchoolCalendar?
    /// Items held back from access requests under exemptions.
    public var withholdings: [RequestWithholding] = []
    /// Reminders sent to the DPO about requests coming due.
    public var requestReminders: [RequestReminder] = []
    /// Added to the task list.
    public var tasks: [StoredTask] = []
    /// Tasks marked done.
    public var taskCompletions: [TaskCompletion] = []
    /// Appended to the erasure journal, which a restore replays.
    public var erasureJournal: [ErasureJournalEntry] = []
    /// Events recorded for people, which retention rules run from.
    public var retentionEvents: [RetentionEvent] = []
    /// What anonymisation keeps of records, apart from anyone.
    public var anonymisedRecords: [AnonymisedRecord] = []
    /// Added to the complaints register.
    public var complaints: [StoredComplaint] = []
    /// Complaints acknowledged or closed.
    public var complaintUpdates: [ComplaintUpdate] = []
    /// Added to the breach register.
    public var breaches: [StoredBreach] = []
    /// Breaches as they now stand (facts, text, closing), replacing what was kept.
    public var breachUpdates: [StoredBreach] = []
    /// Added to the disclosure log.
    public var disclosures: [StoredDisclosure] = []
    /// People told of disclosures made without telling them.
    public var disclosureTellings: [DisclosureTelling] = []
    /// Legal holds placed.
    public var legalHolds: [LegalHold] = []
    /// Legal holds released.
    public var legalHoldReleases: [LegalHoldRelease] = []
    /// Appended to the audit chain.
    public var audit: [AuditEvent] = []

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
