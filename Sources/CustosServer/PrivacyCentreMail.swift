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

extension PrivacyCentreMail {
    /// Why people who ask or register online in `vault`'s workspace would never get the link
    /// they wait for, or nil when they would (or the workspace takes nothing online): no address
    /// to send from (the server's sender, else the policy's controller or DPO email).
    public static func cannotConfirm(_ mail: PrivacyCentreMail?, for vault: Vault) -> String? {
        let policy = vault.policy
        let online = policy.rights.requestChannels.contains(.web) || policy.registration != nil
        guard online, (mail?.sender ?? vault.organisationSender) == nil else { return nil }
        return
            "People can make requests or register online, but no email can be sent to confirm their address: the server has no sender (CUSTOS_MAIL_FROM or --mail-from) and the policy gives no controller or DPO email. Their requests wait unconfirmed until one is set."
    }
}
