public import Foundation

/// Changes to registrations made in the privacy centre.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct RegistrationChanges: Sendable {
    /// Registrations made in the privacy centre, waiting for their link.
    public var made: [StoredRegistration] = []
    /// Registration links sent, by registration, with the time.
    public var linksSent: [UUID: Date] = [:]
    /// Registrations confirmed.
    public var confirmed: [RegistrationConfirmed] = []
    /// Registrations removed, with their sealed details: done with, or never confirmed.
    public var removed: [UUID] = []

    public init() {}
}
