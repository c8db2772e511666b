/// How a CSV file's column headings map to a record type's fields: by field name, label or
/// alias, ignoring case, spaces, underscores and a spreadsheet's byte-order mark.
public struct ImportColumns: Sendable, Equatable {
    /// Column position → field name.
    public var fields: [Int: String]
    /// Columns that match no field: position → heading.
    public var unknown: [Int: String]
    /// Lookup columns, which find the person a role is about among those already held and are
    /// not kept with the record: position → (role, identifier kind). A role found by
    /// ``RecordRole/foundBy`` takes a column headed by one of its kinds (`UPN`), or `subject`
    /// (the person's id in Custos).
    public var lookups: [Int: (role: String, kind: String)]
    /// Problems with the heading row itself (two columns for one field).
    public var problems: [FieldProblem]

    public init(headers: [String], recordType: RecordType) {
        var lookup: [String: String] = [:]
        for field in recordType.fields {
            for name in [field.name, field.label ?? field.name] + field.aliases {
                lookup[Self.key(name)] = lookup[Self.key(name)] ?? field.name
            }
        }
        var lookupKinds: [String: (role: String, kind: String)] = [:]
        for role in recordType.roles where role.isAboutSomeoneHeld {
            for kind in role.foundBy + [Self.subjectColumn] where lookup[Self.key(kind)] == nil {
                lookupKinds[Self.key(kind)] = lookupKinds[Self.key(kind)] ?? (role.name, kind)
            }
        }
        var fields: [Int: String] = [:]
        var unknown: [Int: String] = [:]
        var lookups: [Int: (role: String, kind: String)] = [:]
        var problems: [FieldProblem] = []
        var seen: [String: String] = [:]
        for (position, heading) in headers.enumerated() {
            let cleaned = heading.replacingOccurrences(of: "\u{FEFF}", with: "")
            if let found = lookupKinds[Self.key(cleaned)] {
                lookups[position] = found
                continue
            }
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
        self.lookups = lookups
        self.problems = problems
    }

    /// The heading of a lookup column holding the person's id in Custos.
    public static let subjectColumn = "subject"

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.fields == rhs.fields && lhs.unknown == rhs.unknown && lhs.problems == rhs.problems
            && lhs.lookups.mapValues { "\($0.role)/\($0.kind)" } == rhs.lookups.mapValues { "\($0.role)/\($0.kind)" }
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
