import CustosCore
import CustosServices

/// A ``RecordForm`` as the console's and the privacy centre's templates show it: each field with
/// its label, whether it is required, what follows from leaving it out, why a sensitive one is
/// asked, its error, and what was typed; and the GOV.UK error summary's lines, each linked to
/// its field. Field elements have the id `f-NAME`.
struct RecordFormView {
    let form: RecordForm
    /// What was typed, by field name.
    let given: [String: String]
    let problems: [FieldProblem]
    /// Whether the person filling it in gives their own details (the privacy centre), so the
    /// browser may offer theirs; never on staff's forms about someone else.
    var ownDetails = false
    /// The schools a school field chooses from, by name; when empty it takes a URN typed in.
    var schools: [School] = []

    /// The error summary's lines: `field` (the element's id; absent for a problem of no field)
    /// and `message`.
    var summary: [[String: Any]] {
        problems.map { problem -> [String: Any] in
            problem.field.isEmpty
                ? ["message": problem.message] : ["field": "f-\(problem.field)", "message": form.message(for: problem)]
        }
    }

    /// The `fields` the partial `record-form-fields` walks.
    var fields: [[String: Any]] {
        let errors = Dictionary(
            problems.filter { !$0.field.isEmpty }.map { ($0.field, form.message(for: $0)) },
            uniquingKeysWith: { first, _ in first })
        return form.fields.map { field -> [String: Any] in
            let value = given[field.name] ?? ""
            var described: [String] = []
            let typedSchool = field.input == .school && schools.isEmpty
            let hint =
                typedSchool
                ? [
                    field.hint,
                    "Your school's 6-digit unique reference number (URN), as Get Information about Schools lists it.",
                ]
                .compactMap { $0 }.joined(separator: " ") : field.hint
            if hint != nil { described.append("f-\(field.name)-hint") }
            if field.consequence != nil { described.append("f-\(field.name)-consequence") }
            if field.specialReason != nil { described.append("f-\(field.name)-reason") }
            if errors[field.name] != nil { described.append("f-\(field.name)-error") }
            var entry: [String: Any] = [
                "name": field.name, "label": field.label, "value": value,
                "marker": field.required
                    ? "required" : field.recommended ? "optional, but our reports need it" : "optional",
                "isText": [.text, .email, .telephone, .date, .number].contains(field.input)
                    || typedSchool,
                "isLongText": field.input == .longText,
                "isChoice": field.input == .choice || (field.input == .school && !typedSchool),
                "isYesNo": field.input == .yesNo, "yes": value == "yes", "no": value == "no",
                "inputType": Self.inputType(field.input),
                "options": field.input == .school
                    ? schools.compactMap { school in
                        school.urn.map { ["value": $0, "label": school.name, "selected": $0 == value] }
                    }
                    : field.choices.map { ["value": $0, "label": $0, "selected": $0 == value] },
            ]
            if ownDetails { entry["autocomplete"] = Self.autocomplete(field.input) }
            entry["hint"] = hint
            entry["consequence"] = field.consequence
            entry["specialReason"] = field.specialReason
            entry["error"] = errors[field.name]
            entry["describedBy"] = described.isEmpty ? nil : described.joined(separator: " ")
            return entry
        }
    }

    private static func inputType(_ input: RecordForm.Input) -> String {
        switch input {
        case .email: "email"
        case .telephone: "tel"
        case .date: "date"
        case .number: "number"
        default: "text"
        }
    }

    /// Lets the browser fill in an address or number; names and the rest are not guessed at.
    private static func autocomplete(_ input: RecordForm.Input) -> String? {
        switch input {
        case .email: "email"
        case .telephone: "tel"
        default: nil
        }
    }
}
