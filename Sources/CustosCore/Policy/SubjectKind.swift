/// A kind of person the controller holds data about: pupil, parent, headteacher, delegate, ...
public struct SubjectKind: Sendable, Equatable, Decodable {
    /// The identifier other parts of the policy refer to, e.g. `pupil`.
    public var id: String
    /// The plural name a notice uses, e.g. "Pupils".
    public var name: String
    public var description: String?
    /// Whether these people are children (under 18).
    public var children: Bool
    /// The age of the youngest of them, when known (decides Art 8 and the notice's wording).
    public var youngestAge: Int?
    /// The fideslang data subject this kind maps to, e.g. `customer`; a custom subject otherwise.
    public var dataSubject: String?

    /// Whether some of these people may be under 13, the age of digital consent (DPA 2018 s.9).
    public var mayBeUnder13: Bool {
        guard children else { return false }
        return (youngestAge ?? 0) < 13
    }
}
