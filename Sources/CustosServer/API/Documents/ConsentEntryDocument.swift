import CustosCore
import Foundation
import Hummingbird

/// One consent-ledger entry.
struct ConsentEntryDocument: ResponseCodable {
    var id: UUID
    var subject: UUID
    var purpose: String
    /// `nil`: every channel of the purpose.
    var channel: String?
    /// `nil`: every list of the purpose.
    var list: String?
    /// `given` or `withdrawn`.
    var action: String
    var wording: String?
    var policyVersion: Int
    var source: String
    var recordedBy: String
    var recordedAt: Date

    init(_ entry: ConsentEntry) {
        id = entry.id
        subject = entry.subjectID
        purpose = entry.purpose
        channel = entry.channel?.rawValue
        list = entry.list
        action = entry.action.rawValue
        wording = entry.wording
        policyVersion = entry.policyVersion
        source = entry.source.rawValue
        recordedBy = entry.recordedBy
        recordedAt = entry.recordedAt
    }
}
