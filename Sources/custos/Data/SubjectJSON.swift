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
    }

    static func value(_ view: SubjectView) -> Subject {
        Subject(
            id: view.subject.id, kind: view.subject.kind, schoolID: view.subject.schoolID,
            mergedInto: view.subject.mergedInto, erased: view.subject.key == nil && view.subject.mergedInto == nil,
            identifierKinds: view.identifierKinds, createdAt: view.subject.createdAt,
            lastActivityAt: view.subject.lastActivityAt,
            records: view.records.map {
                Record(
                    id: $0.recordID, type: $0.type, role: $0.role, source: $0.source, createdAt: $0.createdAt,
                    updatedAt: $0.updatedAt, values: $0.values, pseudonymised: $0.pseudonymised)
            })
    }

    static func text(_ view: SubjectView) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value(view)), as: UTF8.self)
    }
}
