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

    /// What the request asks, in the words a form shows the person.
    public var plainEnglish: String {
        switch self {
        case .access: "A copy of the information you hold about me"
        case .rectification: "Correct information about me that is wrong or incomplete"
        case .erasure: "Delete the information you hold about me"
        case .restriction: "Stop using my information, other than keeping it, while a question is settled"
        case .objection: "Stop using my information for a particular purpose, or for marketing"
        case .portability: "The information I gave you, in a machine-readable format"
        case .automatedDecisionReview: "A person to review a decision made about me automatically"
        case .consentWithdrawal: "Withdraw my consent"
        case .educationalRecord: "See or have a copy of my child's educational record"
        }
    }
}
