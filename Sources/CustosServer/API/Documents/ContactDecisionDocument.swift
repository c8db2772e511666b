import CustosCore
import Foundation
import Hummingbird

/// The contact decision for one person.
///
/// Answered without a `JSONEncoder` per request: the decision routes are asked before every send,
/// and encoding was their slowest step. Everything but the consent entry's id depends on the
/// reason alone, so that part is encoded once per reason (by `JSONEncoder`) and reused.
struct ContactDecisionDocument: Codable, ResponseGenerator {
    var allowed: Bool
    /// A stable code: `consent_given`, `soft_opt_in`, `legitimate_interests`, `administrative`,
    /// `gone`, `suppressed`, `restricted`, `objected`, `consent_withdrawn`, `no_consent`, `no_lawful_basis`,
    /// `tps_registered`, `tps_not_screened`.
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

    func response(from request: Request, context: some RequestContext) throws -> Response {
        guard let opening = Self.openings[reason] else {
            return try JSONEncoder().encode(self, from: request, context: context)
        }
        var body = ByteBuffer()
        body.writeString(opening)
        body.writeString(consentEntry.map { #","consentEntry":"\#($0.uuidString)"}"# } ?? "}")
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// Each reason's document without its closing brace: `{"allowed":…,"explanation":…,"reason":…`.
    private static let openings: [String: String] = {
        var openings: [String: String] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for reason in ContactReason.allCases {
            let document = ContactDecisionDocument(ContactDecision(reason))
            guard let data = try? encoder.encode(document), var text = String(data: data, encoding: .utf8),
                text.hasSuffix("}")
            else { continue }
            text.removeLast()
            openings[reason.rawValue] = text
        }
        return openings
    }()
}
