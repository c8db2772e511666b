import CustosServices
import Foundation
import Hummingbird

/// A request in the register.
struct RequestDocument: ResponseCodable {
    var id: UUID
    /// The reference people quote, e.g. `R-2026-0042`.
    var reference: String
    var kind: String
    var subject: UUID?
    var channel: String
    var state: String
    var received: String
    /// Nil while identity or a lawful fee is awaited.
    var due: String?
    var awaitsFee: Bool
    /// The ground the fee is charged on, when one is.
    var feeGround: String?
    /// While open with no due date: `identity`, `fee` or `school_calendar` (the clock runs, and
    /// the school calendar must reach its 15th school day).
    var waitingFor: String?
    var onBehalfAs: String?
    var competence: String?

    /// The request as the register keeps it, with who asked opened by `requests`.
    init(_ request: StoredRequest, in requests: Requests) throws {
        self.init(request, party: try requests.party(of: request))
    }

    init(_ request: StoredRequest, party: RequestParty?) {
        id = request.id
        reference = request.reference
        kind = request.kind.rawValue
        subject = request.subjectID
        channel = request.channel.rawValue
        state = request.state.rawValue
        received = request.receivedOn.iso
        due = request.dueOn?.iso
        awaitsFee = request.awaitsFee
        feeGround = request.feeGround?.rawValue
        waitingFor = request.clockWaitsFor?.rawValue
        onBehalfAs = party?.relationship
        competence = party?.competence
    }
}
