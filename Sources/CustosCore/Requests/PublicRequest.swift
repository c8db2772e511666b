/// A request from the privacy centre, checked: what was asked and who asked, as the requester
/// gave it. Kept sealed with the request until its register's retention ends.
public struct PublicRequest: Sendable, Equatable, Codable {
    public var kind: RequestKind
    public var name: String
    /// Normalised (``EmailAddress``).
    public var email: String
    public var details: String?
    public var onBehalf: OnBehalf?

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

    public init(kind: RequestKind, name: String, email: String, details: String?, onBehalf: OnBehalf?) {
        self.kind = kind
        self.name = name
        self.email = email
        self.details = details
        self.onBehalf = onBehalf
    }
}
