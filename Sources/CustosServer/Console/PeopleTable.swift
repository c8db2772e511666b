import CustosCore
import CustosServices
import Foundation

/// A list of people as a scoped role sees them (a school leader their school, a trainer their
/// events' attendees): one row each, of the first record type the role may read, in the fields
/// the role's grant covers, and the purpose the policy gives that reading.
struct PeopleTable {
    /// The record type the rows come from; nil when the role reads none.
    let listed: RecordType?
    /// Its fields the role may read: the table's columns.
    let columns: [RecordField]
    /// The purpose the reading is audited for: the access rule's, else the type's first.
    let purpose: String?

    /// The table for `user`, of the first type they may read that is not one of `excluded`.
    init(for user: ConsoleUser, excluding excluded: (RecordType) -> Bool = { _ in false }) {
        let listed = user.vault.policy.recordTypes.first { type in
            user.access.grant(.read, recordType: type.id) != nil && !excluded(type)
        }
        self.listed = listed
        columns =
            listed.map { type in
                type.fields.filter { user.access.grant(.read, recordType: type.id)?.covers($0.name) == true }
            } ?? []
        purpose =
            listed.flatMap { type in
                user.vault.policy.access.first { rule in
                    rule.role == user.role && rule.recordTypes.contains(type.id) && rule.can.contains(.read)
                }?.purpose
            } ?? listed?.purposes.first
    }

    /// A person as a row of the table: their cells, the link to their page, and their name (their
    /// display name, else the first two cells), for the link's accessible name.
    struct Row: Sendable {
        let cells: [String]
        let link: String
        let name: String
    }

    /// One row per person of `views` with a record of the listed type, sorted by its cells.
    /// The rows of `views`, sorted by their cells unless `inOrder` (a page kept in the order its
    /// people were listed).
    func rows(_ views: [SubjectView], inOrder: Bool = false) -> [Row] {
        var rows: [Row] = []
        for view in views {
            guard let listed, let record = view.records.first(where: { $0.type == listed.id }) else { continue }
            let cells = columns.map { record.values[$0.name] ?? "" }
            rows.append(
                Row(
                    cells: cells, link: "/console/people/\(view.subject.id.uuidString.lowercased())",
                    name: DisplayName.of(record.values, type: listed, role: record.role)
                        ?? cells.prefix(2).joined(separator: " ")))
        }
        if !inOrder { rows.sort { $0.cells.lexicographicallyPrecedes($1.cells) } }
        return rows
    }

    /// How a person is named in a list: their display name as the record shows it to the role,
    /// else the first two cells of their row.
    func name(of view: SubjectView) -> String? {
        guard let listed, let record = view.records.first(where: { $0.type == listed.id }) else { return nil }
        return DisplayName.of(record.values, type: listed, role: record.role)
            ?? columns.prefix(2).compactMap { record.values[$0.name] }.joined(separator: " ")
    }
}
