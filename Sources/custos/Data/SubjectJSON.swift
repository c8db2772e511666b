import CustosServices
import Foundation

/// A subject as JSON, for scripts.
enum SubjectJSON {
    struct Subject: Encodable {
        var id: UUID
        var kind: String
        var schoolID: UUID?
        var mergedInto: UUID?
        var erased: Bool
        var identifierKinds: [String]
        var createdAt: Date
        var lastActivityAt: Date
        var records: [Record]
        var limits: [Limit]
    }

    struct Limit: Encodable {
        var purpose: String
        var state: String
        var since: Date
    }

    struct Record: Encodable {
        var id: UUID
        var type: String
        var role: String
        var source: RecordSource
        var createdAt: Date
        var updatedAt: Date
        var values: [String: String]
        var pseudonymised: [String]
        var statements: [String]
    }

    static func value(_ view: SubjectView) -> Subject {
        Subject(
            id: view.subject.id, kind: view.subject.kind, schoolID: view.subject.schoolID,
            mergedInto: view.subject.mergedInto, erased: view.subject.key == nil && view.subject.mergedInto == nil,
            identifierKinds: view.identifierKinds, createdAt: view.subject.createdAt,
            lastActivityAt: view.subject.lastActivityAt,
            records: view.records.map {
                record in
                Record(
                    id: record.recordID, type: record.type, role: record.role, source: record.source,
                    createdAt: record.createdAt, updatedAt: record.updatedAt, values: record.values,
                    pseudonymised: record.pseudonymised,
                    statements: view.statements.filter { $0.recordID == record.recordID }.map(\.text))
            },
            limits: view.limits.map { Limit(purpose: $0.purpose, state: $0.state.rawValue, since: $0.since) })
    }

    static func text(_ view: SubjectView) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value(view)), as: UTF8.self)
    }
}
