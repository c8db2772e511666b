import CustosServices
import Foundation

/// One person's part of a record, opened.
struct RecordPartDocument: Codable {
    var record: UUID
    var type: String
    var role: String
    var subject: UUID
    var source: RecordSource
    var createdAt: Date
    var updatedAt: Date
    /// Field name → value; pseudonymised fields hold their pseudonyms.
    var values: [String: String]
    var pseudonymised: [String]

    init(_ view: RecordView) {
        record = view.recordID
        type = view.type
        role = view.role
        subject = view.subjectID
        source = view.source
        createdAt = view.createdAt
        updatedAt = view.updatedAt
        values = view.values
        pseudonymised = view.pseudonymised
    }
}
