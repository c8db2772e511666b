/// A list people opt in to separately (ASHE: the LENS newsletter, events).
public struct MailingList: Sendable, Equatable, Decodable {
    public var id: String
    public var name: String
    public var description: String?
}
