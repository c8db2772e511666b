/// How a CSV file's column headings map to a record type's fields: by field name, label or
/// alias, ignoring case, spaces, underscores and a spreadsheet's byte-order mark.
public struct ImportColumns: Sendable, Equatable {
    /// Column position → field name.
    public var fields: [Int: String]
    /// Columns that match no field: position → heading.
    public var unknown: [Int: String]
    /// Problems with the heading row itself (two columns for one field).
    public var problems: [FieldProblem]

    public init(headers: [String], recordType: RecordType) {
        var lookup: [String: String] = [:]
        for field in recordType.fields {
            for name in [field.name, field.label ?? field.name] + field.aliases {
                lookup[Self.key(name)] = lookup[Self.key(name)] ?? field.name
            }
        }
        var fields: [Int: String] = [:]
        var unknown: [Int: String] = [:]
        var problems: [FieldProblem] = []
        var seen: [String: String] = [:]
        for (position, heading) in headers.enumerated() {
            let cleaned = heading.replacingOccurrences(of: "\u{FEFF}", with: "")
            guard let field = lookup[Self.key(cleaned)] else {
                unknown[position] = cleaned
                continue
            }
            if let earlier = seen[field] {
                problems.append(
                    FieldProblem(
                        field: field, message: "has two columns, '\(earlier)' and '\(cleaned)'; keep one"))
                continue
            }
            seen[field] = cleaned
            fields[position] = field
        }
        self.fields = fields
        self.unknown = unknown
        self.problems = problems
    }

    /// The required fields that no column supplies.
    public func missingRequired(in recordType: RecordType) -> [String] {
        let present = Set(fields.values)
        return recordType.fields.filter { $0.level == .required && !present.contains($0.name) }.map(\.name)
    }

    static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}
