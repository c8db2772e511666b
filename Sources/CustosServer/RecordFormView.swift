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

    /// A field as the partial `record-form-fields` shows it.
    struct Field: Sendable {
        /// A choice of a choice field: a value, its label, and whether it is the one given.
        struct Option: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }

        let name: String
        let label: String
        /// What was typed.
        let value: String
        /// "required", "optional", or optional but wanted for reports.
        let marker: String
        let isText: Bool
        let isLongText: Bool
        let isChoice: Bool
        let isYesNo: Bool
        /// Whether a yes-or-no field's answer is yes, or no.
        let yes: Bool
        let no: Bool
        /// The `type` of a text input.
        let inputType: String
        let options: [Option]
        /// What the browser may fill it in with, on a form about the person filling it in.
        let autocomplete: String?
        let hint: String?
        /// What follows from leaving it out.
        let consequence: String?
        /// Why a sensitive field is asked.
        let specialReason: String?
        let error: String?
        /// The ids of the hint, consequence, reason and error, for `aria-describedby`.
        let describedBy: String?
    }

    /// The error summary's lines, each linked to its field's element (none for a problem of no field).
    var summary: [PageProblem] {
        problems.map { problem in
            problem.field.isEmpty
                ? PageProblem(problem.message) : PageProblem(field: "f-\(problem.field)", form.message(for: problem))
        }
    }

    /// The `fields` the partial `record-form-fields` walks.
    var fields: [Field] {
        let errors = Dictionary(
            problems.filter { !$0.field.isEmpty }.map { ($0.field, form.message(for: $0)) },
            uniquingKeysWith: { first, _ in first })
        return form.fields.map { field in
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
            let options: [Field.Option] =
                field.input == .school
                ? schools.compactMap { school in
                    school.urn.map { Field.Option(value: $0, label: school.name, selected: $0 == value) }
                }
                : field.choices.map { Field.Option(value: $0, label: $0, selected: $0 == value) }
            return Field(
                name: field.name, label: field.label, value: value,
                marker: field.required
                    ? "required" : field.recommended ? "optional, but our reports need it" : "optional",
                isText: Self.textInputs.contains(field.input) || typedSchool,
                isLongText: field.input == .longText,
                isChoice: field.input == .choice || (field.input == .school && !typedSchool),
                isYesNo: field.input == .yesNo, yes: value == "yes", no: value == "no",
                inputType: Self.inputType(field.input), options: options,
                autocomplete: ownDetails ? Self.autocomplete(field.input) : nil, hint: hint,
                consequence: field.consequence, specialReason: field.specialReason, error: errors[field.name],
                describedBy: described.isEmpty ? nil : described.joined(separator: " "))
        }
    }

    /// The inputs shown as a one-line text box.
    private static let textInputs: [RecordForm.Input] = [.text, .email, .telephone, .date, .number]

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
