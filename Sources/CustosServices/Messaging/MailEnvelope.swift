public import CustosCore
public import Foundation

/// A message as a transport takes it: the envelope sender and recipient, and the message itself.
/// Sealed whole in the outbox, so the address is never stored in the clear.
public struct MailEnvelope: Sendable, Equatable, Codable {
    public var id: UUID
    public var sender: String
    public var recipient: String
    /// RFC 5322, lines ending CRLF.
    public var data: Data

    public init(id: UUID, sender: String, recipient: String, data: Data) {
        self.id = id
        self.sender = sender
        self.recipient = recipient
        self.data = data
    }

    /// `email` as it goes: from its sender, to its recipient, as RFC 5322.
    public init(_ email: OutgoingEmail) {
        self.init(id: email.id, sender: email.from.address, recipient: email.to.address, data: email.rfc5322())
    }
}
