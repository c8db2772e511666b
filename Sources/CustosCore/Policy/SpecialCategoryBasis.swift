/// The conditions a purpose relies on for special-category data: an Article 9(2) condition and,
/// where DPA 2018 s.10 asks for one, a Schedule 1 condition.
public struct SpecialCategoryBasis: Sendable, Equatable, Decodable {
    public var condition: Article9Condition?
    public var schedule1: Schedule1Condition?
    /// Why the condition is met, in a sentence.
    public var explanation: String?
}
