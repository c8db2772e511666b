/// A decision made by automated means with a significant effect (Art 13(2)(f), Arts 22A–D).
public struct AutomatedDecision: Sendable, Equatable, Decodable {
    public var description: String?
    /// The logic involved, in plain words.
    public var logic: String?
    /// Why it matters to the person.
    public var significance: String?
    /// What it means for them.
    public var consequences: String?
    /// How to ask for a person to review it.
    public var humanReview: String?
}
