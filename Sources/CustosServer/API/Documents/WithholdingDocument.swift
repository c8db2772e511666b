import CustosServices
import Foundation
import Hummingbird

/// An item held back from an access request.
struct WithholdingDocument: ResponseCodable {
    var id: UUID
    var request: UUID
    var record: UUID
    var fields: [String]?
    var exemption: String
    var reason: String
    var decidedBy: String
    var decided: String

    init(_ item: RequestWithholding) {
        id = item.id
        request = item.requestID
        record = item.recordID
        fields = item.fields
        exemption = item.exemption.rawValue
        reason = item.reason
        decidedBy = item.decidedBy
        decided = item.decidedOn.iso
    }
}
