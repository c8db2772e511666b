public import Foundation

/// What a signed link says: who it is for and what it allows. It holds ids only, never an
/// address or a name, so a link forwarded or logged reveals nothing about the person.
public struct LinkClaims: Sendable, Equatable, Codable {
    public var kind: LinkKind
    /// The person the link is for; nil only for a request's or a registration's confirmation.
    public var subjectID: UUID?
    /// The request a confirmation link confirms.
    public var requestID: UUID?
    /// The registration a confirmation link confirms.
    public var registrationID: UUID?
    /// The purpose an unsubscribe link takes the person off (all marketing when nil).
    public var purpose: String?
    /// The list an unsubscribe link takes the person off (every list of the purpose when nil).
    public var list: String?
    /// The message the link was sent in (unsubscribe and open links).
    public var messageID: UUID?
    /// When the link stops working; nil for links that must keep working (unsubscribe).
    public var expiresAt: Date?

    public init(
        kind: LinkKind, subjectID: UUID?, requestID: UUID? = nil, registrationID: UUID? = nil, purpose: String? = nil,
        list: String? = nil, messageID: UUID? = nil, expiresAt: Date? = nil
    ) {
        self.kind = kind
        self.subjectID = subjectID
        self.requestID = requestID
        self.registrationID = registrationID
        self.purpose = purpose
        self.list = list
        self.messageID = messageID
        self.expiresAt = expiresAt
    }

    /// Whether the claims hold what a link of their kind acts on: a person, a request or a
    /// registration.
    var isComplete: Bool {
        switch kind {
        case .requestConfirmation: requestID != nil
        case .registrationConfirmation: registrationID != nil
        case .unsubscribe, .preferences, .open: subjectID != nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind = "k"
        case subjectID = "s"
        case requestID = "r"
        case registrationID = "g"
        case purpose = "p"
        case list = "l"
        case messageID = "m"
        case expiresAt = "e"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(LinkKind.self, forKey: .kind)
        subjectID = try container.decodeIfPresent(UUID.self, forKey: .subjectID)
        requestID = try container.decodeIfPresent(UUID.self, forKey: .requestID)
        registrationID = try container.decodeIfPresent(UUID.self, forKey: .registrationID)
        purpose = try container.decodeIfPresent(String.self, forKey: .purpose)
        list = try container.decodeIfPresent(String.self, forKey: .list)
        messageID = try container.decodeIfPresent(UUID.self, forKey: .messageID)
        expiresAt = try container.decodeIfPresent(Int64.self, forKey: .expiresAt).map {
            Date(timeIntervalSince1970: TimeInterval($0))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(subjectID, forKey: .subjectID)
        try container.encodeIfPresent(requestID, forKey: .requestID)
        try container.encodeIfPresent(registrationID, forKey: .registrationID)
        try container.encodeIfPresent(purpose, forKey: .purpose)
        try container.encodeIfPresent(list, forKey: .list)
        try container.encodeIfPresent(messageID, forKey: .messageID)
        try container.encodeIfPresent(
            expiresAt.map { Int64($0.timeIntervalSince1970.rounded(.down)) }, forKey: .expiresAt)
    }
}
