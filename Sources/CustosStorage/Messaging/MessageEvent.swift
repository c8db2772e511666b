public import Foundation

/// One entry in the communications log: what happened to a message, and when. The detail never
/// holds an address or the message's content.
public struct MessageEvent: Sendable, Equatable, Codable {
    public var messageID: UUID
    public var subjectID: UUID
    public var kind: MessageEventKind
    public var at: Date
    public var detail: String?

    public init(messageID: UUID, subjectID: UUID, kind: MessageEventKind, at: Date, detail: String? = nil) {
        self.messageID = messageID
        self.subjectID = subjectID
        self.kind = kind
        self.at = at
        self.detail = detail
    }
}
