/// What a person asks of the controller (UK GDPR Arts 15–22D, and the Education (Pupil
/// Information) (England) Regulations 2005 for the educational record).
public enum RequestKind: String, Sendable, Codable, CaseIterable {
    case access
    case rectification
    case erasure
    case restriction
    case objection
    case portability
    case automatedDecisionReview = "automated_decision_review"
    case consentWithdrawal = "consent_withdrawal"
    /// A parent's request to see or copy their child's educational record (maintained schools
    /// in England): 15 school days, not the month.
    case educationalRecord = "educational_record"

    /// The article or regulation the request rests on.
    public var reference: String {
        switch self {
        case .access: "UK GDPR Art 15"
        case .rectification: "UK GDPR Art 16"
        case .erasure: "UK GDPR Art 17"
        case .restriction: "UK GDPR Art 18"
        case .objection: "UK GDPR Art 21"
        case .portability: "UK GDPR Art 20"
        case .automatedDecisionReview: "UK GDPR Art 22C"
        case .consentWithdrawal: "UK GDPR Art 7(3)"
        case .educationalRecord: "Education (Pupil Information) (England) Regulations 2005 reg 5"
        }
    }
}
