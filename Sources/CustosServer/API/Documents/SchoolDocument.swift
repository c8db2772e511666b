import CustosServices
import Foundation
import Hummingbird

/// A school, as the API shows it.
struct SchoolDocument: ResponseCodable {
    var id: UUID
    var name: String
    var urn: String?
    var laCode: String?

    init(_ school: School) {
        id = school.id
        name = school.name
        urn = school.urn
        laCode = school.laCode
    }
}
