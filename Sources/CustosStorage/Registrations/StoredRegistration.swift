public import Foundation

/// A registration made in the privacy centre, kept only while it needs to be: the details given
/// (sealed under a key of the registration's own, so deleting the row destroys them), the blind
/// index of the address the confirmation link goes to, and how far it has got. Once confirmed the
/// person is on file as a record; the row stays only until the school's lead users are told.
public struct StoredRegistration: Sendable, Equatable {
    public var id: UUID
    /// The registration's own data key, sealed under the workspace's requesters key.
    public var key: Data
    /// The values given, by field name, as JSON sealed under the registration's key.
    public var sealed: Data
    /// The blind index of the email address given (kind `email`).
    public var emailIndex: Data
    public var createdAt: Date
    /// When the confirmation link was sent; nil while it waits for the mail to go.
    public var linkSentAt: Date?
    /// When the link was followed; nil until then.
    public var confirmedAt: Date?
    /// The person the confirmed registration is on file as.
    public var subjectID: UUID?

    public init(
        id: UUID, key: Data, sealed: Data, emailIndex: Data, createdAt: Date, linkSentAt: Date? = nil,
        confirmedAt: Date? = nil, subjectID: UUID? = nil
    ) {
        self.id = id
        self.key = key
        self.sealed = sealed
        self.emailIndex = emailIndex
        self.createdAt = createdAt
        self.linkSentAt = linkSentAt
        self.confirmedAt = confirmedAt
        self.subjectID = subjectID
    }
}
