import CustosServices
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
    /// The people already held whom the record is about, by role (role → subject id): how a record
    /// of a type whose role is found by identifier or id (Hutton's SEN file) is written.
    var subjects: [String: UUID]?
}
