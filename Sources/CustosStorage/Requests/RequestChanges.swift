public import CustosCore
public import Foundation

/// Changes to the register of requests: requests, their histories and requesters, withholdings, reminders and the school calendar.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct RequestChanges: Sendable {
    /// Added to the register of requests.
    public var opened: [StoredRequest] = []
    /// Requests' new states and due dates.
    public var updates: [RequestUpdate] = []
    /// Appended to requests' histories.
    public var events: [StoredRequestEvent] = []
    /// Requests whose party, kept in plain text before it was sealed, is now sealed (the plain
    /// text cleared); a request another process sealed first keeps its seal.
    public var partiesSealed: [UUID: SealedText] = [:]
    /// Who made requests in the privacy centre, added with their requests.
    public var requesters: [StoredRequester] = []
    /// Confirmation links sent, by request, with the time.
    public var requesterLinksSent: [UUID: Date] = [:]
    /// Requesters who followed their confirmation link, by request, with the time (kept once set).
    public var requestersConfirmed: [UUID: Date] = [:]
    /// The workspace's school calendar, replacing the one kept.
    public var schoolCalendar: SchoolCalendar?
    /// Items held back from access requests under exemptions.
    public var withholdings: [RequestWithholding] = []
    /// Reminders sent to the DPO about requests coming due.
    public var reminders: [RequestReminder] = []

    public init() {}
}
