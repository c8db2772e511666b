import CustosServices
import Foundation
import Hummingbird

/// A request in the register.
struct RequestDocument: ResponseCodable {
    var id: UUID
    var kind: String
    var subject: UUID?
    var channel: String
    var state: String
    var received: String
    /// Nil while identity or a lawful fee is awaited.
    var due: String?
    var awaitsFee: Bool
    var onBehalfAs: String?
    var competence: String?

    /// The request as the register keeps it, with who asked opened by `requests`.
    init(_ request: StoredRequest, in requests: Requests) throws {
        self.init(request, party: try requests.party(of: request))
    }

    init(_ request: StoredRequest, party: RequestParty?) {
        id = request.id
        kind = request.kind.rawValue
        subject = request.subjectID
        channel = request.channel.rawValue
        state = request.state.rawValue
        received = request.receivedOn.iso
        due = request.dueOn?.iso
        awaitsFee = request.awaitsFee
        onBehalfAs = party?.relationship
        competence = party?.competence
    }
}
