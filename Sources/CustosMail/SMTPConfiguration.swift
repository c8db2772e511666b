import Foundation

/// Where and how the outbox reaches an SMTP server, read from a URL:
/// `smtp://host:25` (plain), `smtp+starttls://user:password@host:587`, `smtps://user:password@host:465`.
/// A `ca` query item names a PEM file of certificates to trust instead of the system's.
public struct SMTPConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    public var username: String?
    public var password: String?
    /// PEM certificates to trust, instead of the system's (a private relay's own CA).
    public var trustRootsFile: String?
    /// The name this side gives in `EHLO`.
    public var heloName: String
    /// How long one message may take, connection included.
    public var timeout: Duration

    public init(
        host: String, port: Int, security: SMTPSecurity, username: String? = nil, password: String? = nil,
        trustRootsFile: String? = nil, heloName: String = "custos.localhost", timeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustRootsFile = trustRootsFile
        self.heloName = heloName
        self.timeout = timeout
    }

    /// Parses an `smtp://`, `smtp+starttls://` or `smtps://` URL; the error names what is wrong
    /// (never the password).
    public init(url text: String) throws(MailConfigurationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw MailConfigurationError("mail URL: not a URL; use smtp://host:port, smtp+starttls:// or smtps://")
        }
        let security: SMTPSecurity
        let defaultPort: Int
        switch scheme {
        case "smtp": (security, defaultPort) = (.none, 25)
        case "smtp+starttls": (security, defaultPort) = (.startTLS, 587)
        case "smtps": (security, defaultPort) = (.tls, 465)
        default:
            throw MailConfigurationError(
                "mail URL: '\(scheme)' is not a mail scheme; use smtp, smtp+starttls or smtps (or a folder for .eml files)"
            )
        }
        guard let host = components.host, !host.isEmpty else {
            throw MailConfigurationError("mail URL: give the server's host name")
        }
        if let user = components.user, components.password == nil || user.isEmpty {
            throw MailConfigurationError("mail URL: give both a user name and a password, or neither")
        }
        if components.user != nil, security == .none {
            throw MailConfigurationError(
                "mail URL: a password is never sent over plain smtp://; use smtp+starttls:// or smtps://")
        }
        self.init(
            host: host, port: components.port ?? defaultPort, security: security,
            username: components.user?.removingPercentEncoding, password: components.password?.removingPercentEncoding,
            trustRootsFile: components.queryItems?.first { $0.name == "ca" }?.value)
    }

    /// The server, as said in logs and the communications log: never the user name or password.
    public var description: String { "SMTP \(host):\(port)" }
}
