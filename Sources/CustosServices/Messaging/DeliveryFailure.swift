/// Why a transport could not deliver a message. The reason never holds an address or content:
/// transports keep a server's reply code and enhanced status, not its text.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Refused for good (SMTP 5xx): no retry would help.
    public var permanent: Bool
    public var reason: String

    public init(permanent: Bool, _ reason: String) {
        self.permanent = permanent
        self.reason = reason
    }

    public var description: String { reason }
}
