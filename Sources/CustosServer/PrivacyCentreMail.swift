public import CustosCore
public import CustosServices

/// How the privacy centre sends the emails a person waits for (the link confirming a request):
/// the transport, who they come from, and the address people reach the privacy centre at, which
/// links start with.
/// Links are never built from the request's `Host` header, which a caller chooses.
public struct PrivacyCentreMail: Sendable {
    public var transport: any MessageTransport
    /// E.g. `https://privacy.example.org`.
    public var publicURL: String
    /// The sender; nil for each workspace's own (``Vault/organisationSender``).
    public var sender: MailAddress?

    public init(transport: any MessageTransport, publicURL: String, sender: MailAddress? = nil) {
        self.transport = transport
        self.publicURL = publicURL
        self.sender = sender
    }
}
