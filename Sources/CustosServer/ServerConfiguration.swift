/// How the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback by default, so nothing is exposed until an operator chooses to.
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
