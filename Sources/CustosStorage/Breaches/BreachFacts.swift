public import CustosCore
public import Foundation

/// The structured facts of a breach (RULES.md §6's log schema), kept as one JSON column: no
/// personal data, only times, counts, categories and decisions.
public struct BreachFacts: Sendable, Equatable, Codable {
    public var occurredAt: Date?
    public var risk: BreachRisk
    public var specialCategory: Bool
    /// Approximate numbers of people and of records.
    public var approxSubjects: Int?
    public var approxRecords: Int?
    /// The kinds of data involved (the policy's data categories, e.g. `user.contact.email`).
    public var categories: [String]
    /// The processor involved, if any.
    public var processor: String?
    /// When it was reported to the ICO, and the ICO's reference.
    public var reportedAt: Date?
    public var icoReference: String?
    /// Decided not to report (only where it is unlikely to result in a risk); the reason is sealed.
    public var notReported: Bool
    /// When the people were told, or why not (Art 34(3)).
    public var individualsToldOn: CalendarDay?
    public var individualsNotTold: Article34Ground?

    public init(
        occurredAt: Date? = nil, risk: BreachRisk, specialCategory: Bool = false, approxSubjects: Int? = nil,
        approxRecords: Int? = nil, categories: [String] = [], processor: String? = nil
    ) {
        self.occurredAt = occurredAt
        self.risk = risk
        self.specialCategory = specialCategory
        self.approxSubjects = approxSubjects
        self.approxRecords = approxRecords
        self.categories = categories
        self.processor = processor
        notReported = false
    }
}
