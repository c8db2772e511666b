import Foundation

/// The body of `POST /api/v1/contact-decisions`.
struct ContactDecisionRequest: Codable {
    var subject: UUID
    var purpose: String
    /// `email`, `sms`, `phone`, `post` or `fax`.
    var channel: String
    /// Required when the purpose has lists.
    var list: String?
}
