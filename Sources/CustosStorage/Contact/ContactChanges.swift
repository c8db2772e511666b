public import CustosCore
public import Foundation

/// Changes to the consent ledger, processing states, the suppression list and cookie answers.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct ContactChanges: Sendable {
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

    public init() {}
}
