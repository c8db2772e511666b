import CustosCore
import Foundation
import Hummingbird

/// The contact decision for one person.
struct ContactDecisionDocument: ResponseCodable {
    var allowed: Bool
    /// A stable code: `consent_given`, `soft_opt_in`, `legitimate_interests`, `administrative`,
    /// `gone`, `suppressed`, `restricted`, `objected`, `consent_withdrawn`, `no_consent`, `no_lawful_basis`.
    var reason: String
    var explanation: String
    /// The consent entry the decision rests on, if any.
    var consentEntry: UUID?

    init(_ decision: ContactDecision) {
        allowed = decision.allowed
        reason = decision.reason.rawValue
        explanation = decision.reason.explanation
        consentEntry = decision.consentEntryID
    }
}
