/// How the connection to the SMTP server is protected.
public enum SMTPSecurity: String, Sendable {
    /// Plain text: only for a server on the same machine (a test server, a local relay).
    case none
    /// Plain at first, then TLS after `STARTTLS` (port 587); refused if the server does not offer it.
    case startTLS = "starttls"
    /// TLS from the first byte (port 465).
    case tls
}
