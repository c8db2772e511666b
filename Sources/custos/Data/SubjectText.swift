import CustosServices
import Foundation

/// A subject as a person reads it in a terminal.
enum SubjectText {
    static func text(_ view: SubjectView) -> String {
        let formatter = ISO8601DateFormatter()
        let subject = view.subject
        var lines = ["Subject \(subject.id.uuidString.lowercased()) (\(subject.kind))"]
        if let merged = subject.mergedInto {
            lines.append("  merged into \(merged.uuidString.lowercased())")
        }
        if subject.key == nil && subject.mergedInto == nil { lines.append("  erased: no data key") }
        lines.append(
            "  identifiers: \(view.identifierKinds.isEmpty ? "none" : view.identifierKinds.joined(separator: ", "))")
        lines.append(
            "  created \(formatter.string(from: subject.createdAt)), last activity \(formatter.string(from: subject.lastActivityAt))"
        )
        for limit in view.limits {
            let what = limit.state == .restricted ? "RESTRICTED (Art 18): stored only" : "OBJECTED (Art 21): not used"
            lines.append("  \(limit.purpose): \(what), since \(formatter.string(from: limit.since))")
        }
        for record in view.records {
            lines.append("")
            lines.append("Record \(record.recordID.uuidString.lowercased()): \(record.type), as \(record.role)")
            lines.append("  source: \(record.source)")
            lines.append(
                "  created \(formatter.string(from: record.createdAt)), updated \(formatter.string(from: record.updatedAt))"
            )
            for name in record.values.keys.sorted() {
                let note = record.pseudonymised.contains(name) ? " (pseudonym)" : ""
                lines.append("  \(name): \(record.values[name] ?? "")\(note)")
            }
            for statement in view.statements where statement.recordID == record.recordID {
                lines.append(
                    "  the person's statement (correction refused, request \(statement.requestID.uuidString.lowercased())): \(statement.text)"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
