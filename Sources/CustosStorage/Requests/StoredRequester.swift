package import CustosCore
public import Foundation

/// Who made a request in the privacy centre, as the register keeps them: their details
/// (``PublicRequest``) sealed under a key of the request's own, so the requester can be erased
/// with the request whether or not they are anyone on file; the blind index of their address, to
/// find them among the people on file; and where the confirmation of their address stands.
public struct StoredRequester: Sendable, Equatable {
    public var requestID: UUID
    /// The request's own data key, sealed under the workspace's requesters key: deleting this row
    /// destroys the details.
    public var key: Data
    /// The ``PublicRequest`` as JSON, sealed under the request's key.
    public var sealed: Data
    /// The blind index of the email address (kind `email`).
    public var emailIndex: Data
    /// When the confirmation link was sent; nil while it waits for the mail to go.
    public var linkSentAt: Date?
    /// When the requester followed the link; nil until then.
    public var confirmedAt: Date?

    public init(
        requestID: UUID, key: Data, sealed: Data, emailIndex: Data, linkSentAt: Date? = nil,
        confirmedAt: Date? = nil
    ) {
        self.requestID = requestID
        self.key = key
        self.sealed = sealed
        self.emailIndex = emailIndex
        self.linkSentAt = linkSentAt
        self.confirmedAt = confirmedAt
    }

    /// The context the request's key is sealed in.
    package static func keyContext(workspaceID: UUID, requestID: UUID) -> Envelope.Context {
        Envelope.Context("requester-key", workspaceID.uuidString, requestID.uuidString)
    }

    /// The context the details are sealed in.
    package static func sealContext(workspaceID: UUID, requestID: UUID) -> Envelope.Context {
        Envelope.Context("requester", workspaceID.uuidString, requestID.uuidString)
    }
}
