import CustosServices
import Foundation
import Hummingbird

/// What carrying out an erasure would do, as JSON.
struct ErasureAssessmentDocument: ResponseEncodable {
    struct Item: Encodable {
        var recordType: String
        var typeName: String
        var count: Int
        /// `erase` or `keep`.
        var action: String
        var exemption: String?
        var why: String?
        var mayOverride: Bool?
        /// The exemption set aside by `erase_despite`.
        var overridden: String?
    }

    struct Other: Encodable {
        var subject: UUID
        var role: String
    }

    struct SharedRecord: Encodable {
        var record: UUID
        var recordType: String
        var role: String
        var others: [Other]
    }

    var request: UUID
    var subject: UUID
    var erasesEverything: Bool
    var items: [Item]
    var sharedRecords: [SharedRecord]
    var recipients: [String]
    var needsApproval: Bool
    var approved: Bool

    init(_ assessment: ErasureAssessment) {
        request = assessment.requestID
        subject = assessment.subjectID
        erasesEverything = assessment.plan.erasesEverything
        items = assessment.plan.items.map {
            Item(
                recordType: $0.recordType, typeName: $0.typeName, count: $0.count,
                action: $0.kept == nil ? "erase" : "keep", exemption: $0.kept?.exemption.reference, why: $0.kept?.why,
                mayOverride: $0.kept?.mayOverride, overridden: $0.overridden?.exemption.reference)
        }
        sharedRecords = assessment.sharedRecords.map {
            SharedRecord(
                record: $0.recordID, recordType: $0.recordType, role: $0.role,
                others: $0.others.map { Other(subject: $0.subjectID, role: $0.role) })
        }
        recipients = assessment.recipients
        needsApproval = assessment.needsApproval
        approved = assessment.approved
    }
}
