/// A request and who made it, as the requester gave it: in the privacy centre, or to staff by
/// email, phone, letter or in person (who also say how they checked the requester's identity).
/// Kept sealed with the request until its register's retention ends.
public struct PublicRequest: Sendable, Equatable, Codable {
    public var kind: RequestKind
    public var name: String
    /// Normalised (``EmailAddress``); always given online, where the confirmation link goes.
    public var email: String?
    /// What the request says it is about, in the requester's words (what is wrong, for a
    /// correction).
    public var details: String?
    public var onBehalf: OnBehalf?
    /// A telephone number to reach the requester on (a request taken by staff).
    public var telephone: String?
    /// A postal address to answer to (a request taken by staff).
    public var postalAddress: String?
    /// How staff checked who the requester is, in their words; nil where they have not (yet).
    public var identityCheck: String?

    /// Who the request is for, when not the requester.
    public struct OnBehalf: Sendable, Equatable, Codable {
        public var relationship: String
        public var theirName: String
        public var competence: String

        public init(relationship: String, theirName: String, competence: String) {
            self.relationship = relationship
            self.theirName = theirName
            self.competence = competence
        }
    }

    public init(
        kind: RequestKind, name: String, email: String?, details: String?, onBehalf: OnBehalf?,
        telephone: String? = nil, postalAddress: String? = nil, identityCheck: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.email = email
        self.details = details
        self.onBehalf = onBehalf
        self.telephone = telephone
        self.postalAddress = postalAddress
        self.identityCheck = identityCheck
    }
}
