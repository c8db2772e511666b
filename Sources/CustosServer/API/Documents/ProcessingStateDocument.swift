import CustosCore
import Foundation

/// One change of a person's processing state.
struct ProcessingStateDocument: Codable {
    /// `nil`: every purpose.
    var purpose: String?
    /// `active`, `restricted` or `objected`.
    var state: String
    var reason: String
    var recordedBy: String
    var recordedAt: Date

    init(_ entry: ProcessingStateEntry) {
        purpose = entry.purpose
        state = entry.state.rawValue
        reason = entry.reason
        recordedBy = entry.recordedBy
        recordedAt = entry.recordedAt
    }
}
