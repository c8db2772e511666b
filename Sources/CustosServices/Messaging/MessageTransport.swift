/// Where the outbox hands messages: an SMTP server, or a folder of `.eml` files.
public protocol MessageTransport: Sendable {
    /// Said in the communications log and the CLI, e.g. "SMTP mail.example.org:587"; never a password.
    var description: String { get }
    /// Delivers one message, or throws a ``DeliveryFailure``.
    func deliver(_ envelope: MailEnvelope) async throws
}
