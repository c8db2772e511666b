/// A form for one record type, made from the policy, so that every form that collects personal
/// data says what the law asks it to: each field marked required or optional, for a required one
/// what follows from not giving it (Art 13(2)(e); West Herts promises it), and for a field of a
/// special category why it is asked.
public struct RecordForm: Sendable, Equatable {
    /// How a field is entered.
    public enum Input: String, Sendable, Equatable {
        case text, email, telephone, date, number, yesNo, choice, longText
        /// A school, by its URN: a list of the organisation's schools where it has them.
        case school
    }

    public struct Field: Sendable, Equatable {
        /// The field's name, which the form posts.
        public var name: String
        public var label: String
        /// What the field is, in the policy's words.
        public var hint: String?
        public var required: Bool
        /// Optional, but the organisation's reports need it (ASSET).
        public var recommended: Bool
        /// For a required field: what happens without it.
        public var consequence: String?
        /// For a special-category field: why it is asked.
        public var specialReason: String?
        public var input: Input
        public var choices: [String]
    }

    public let recordType: RecordType
    public let fields: [Field]

    /// The form for `type` in `policy`.
    public init(recordType type: RecordType, policy: Policy) {
        recordType = type
        fields = type.fields.map { field in
            let special = policy.specialCategory(of: field.category)
            return Field(
                name: field.name, label: field.displayLabel, hint: field.description,
                required: field.level == .required, recommended: field.level == .recommended,
                consequence: field.level == .required ? field.consequence : nil,
                specialReason: special.map { _ in
                    field.reason ?? "It is special category information; we use it only as our privacy notice says."
                },
                input: Self.input(for: field), choices: field.choices)
        }
    }

    /// A problem as a form's error summary says it, after the GOV.UK Design System: "Enter your
    /// surname", "Work email address: not an email address".
    public func message(for problem: FieldProblem) -> String {
        let label = fields.first { $0.name == problem.field }?.label ?? problem.field
        if problem.message == "is required" {
            return "Enter \(label.prefix(1).lowercased() + label.dropFirst())"
        }
        let rule = problem.message.hasPrefix("is ") ? String(problem.message.dropFirst(3)) : problem.message
        return "\(label): \(rule)"
    }

    private static func input(for field: RecordField) -> Input {
        if !field.choices.isEmpty { return .choice }
        switch field.format {
        case .email: return .email
        case .ukPhone: return .telephone
        case .date: return .date
        case .number: return .number
        case .yesNo: return .yesNo
        case .urn: return .school
        default:
            return ["notes", "details", "description", "concerns", "message"].contains(where: field.name.contains)
                ? .longText : .text
        }
    }
}
