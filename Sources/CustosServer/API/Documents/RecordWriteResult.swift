import CustosServices
import Foundation
import Hummingbird

/// What a create or update did.
struct RecordWriteResult: ResponseCodable {
    var record: UUID
    /// `created`, or `updated` when the person's existing record of the type was replaced.
    var outcome: String
    /// Role → subject id.
    var subjects: [String: UUID]
    /// Recommended fields left out, and the like: the record was written.
    var warnings: [ErrorDocument.Problem]
}
