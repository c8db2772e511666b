import CustosStore
import Foundation

/// The body of `POST /api/v1/records`.
struct RecordCreation: Codable {
    /// A record type of the workspace's policy.
    var type: String
    /// Field name → value, as typed; Custos checks and normalises them.
    var values: [String: String]
    /// Where the data came from; the person themselves when left out.
    var source: RecordSource?
    /// The school the people belong to, when the record does not name one by URN.
    var school: UUID?
}
