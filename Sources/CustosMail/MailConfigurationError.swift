/// A mail setting that cannot be used; the message names the setting and never a password.
public struct MailConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
