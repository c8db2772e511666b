import CustosCore
import Foundation
import Hummingbird

/// A legal hold.
struct LegalHoldDocument: ResponseCodable {
    var id: UUID
    var subject: UUID?
    var recordType: String?
    var reason: String
    var placedBy: String
    var placed: String
    var until: String?
    var released: String?
    var releasedBy: String?

    init(_ hold: LegalHold) {
        id = hold.id
        subject = hold.subjectID
        recordType = hold.recordType
        reason = hold.reason
        placedBy = hold.placedBy
        placed = hold.placedOn.iso
        until = hold.endsOn?.iso
        released = hold.releasedOn?.iso
        releasedBy = hold.releasedBy
    }
}
