public import CustosServices

/// How the server listens, and how it treats console sign-ins.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default, so nothing is exposed until an operator chooses to.
    public var host: String
    public var port: Int
    /// Whether the console's cookie is marked `Secure`: set it when people reach the server over
    /// HTTPS (directly or through a proxy), so the cookie is never sent in the clear.
    public var secureCookies: Bool
    /// How passwords are checked at sign-in (bcrypt's cost).
    public var passwordHashing: PasswordHashing
    /// The proxies in front of the server whose `X-Forwarded-For` names the client: without them,
    /// every attempt seems to come from the proxy, and one client's failures count against all.
    public var trustedProxies: TrustedProxies
    /// Metrics, and where `/metrics` is served; nil: none are served.
    public var metrics: MetricsConfiguration?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
        passwordHashing: PasswordHashing = PasswordHashing(), trustedProxies: TrustedProxies = .none,
        metrics: MetricsConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.passwordHashing = passwordHashing
        self.trustedProxies = trustedProxies
        self.metrics = metrics
    }
}
