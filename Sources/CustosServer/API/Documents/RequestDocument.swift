import CustosStore
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

    init(_ request: StoredRequest) {
        id = request.id
        kind = request.kind.rawValue
        subject = request.subjectID
        channel = request.channel.rawValue
        state = request.state.rawValue
        received = request.receivedOn.iso
        due = request.dueOn?.iso
        awaitsFee = request.awaitsFee
        onBehalfAs = request.onBehalfAs
        competence = request.competence
    }
}
