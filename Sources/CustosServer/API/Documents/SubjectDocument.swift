import CustosServices
import Foundation
import Hummingbird

/// A subject with every part of every record about them that the caller may see, and what limits
/// the use of their data.
struct SubjectDocument: ResponseCodable {
    var subject: SubjectSummary
    /// The kinds of identifier held for them (`email`, `upn`, ...), not the values.
    var identifierKinds: [String]
    var records: [RecordPartDocument]
    /// Purposes their data may not be used for now: restricted or objected to.
    var limits: [Limit]
    /// Their statements on records shown, from a refused correction.
    var statements: [Statement]

    struct Limit: Codable {
        var purpose: String
        /// `restricted` or `objected`.
        var state: String
        var since: Date
    }

    struct Statement: Codable {
        var record: UUID
        var request: UUID
        var text: String
        var added: Date
    }

    init(_ view: SubjectView) {
        subject = SubjectSummary(view.subject)
        identifierKinds = view.identifierKinds
        records = view.records.map(RecordPartDocument.init)
        limits = view.limits.map { Limit(purpose: $0.purpose, state: $0.state.rawValue, since: $0.since) }
        statements = view.statements.map {
            Statement(record: $0.recordID, request: $0.requestID, text: $0.text, added: $0.addedAt)
        }
    }
}
