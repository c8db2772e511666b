/// One question of a console form, as the GOV.UK Design System asks it: a label, an optional
/// hint, the error when the answer came back wrong, and what was typed or chosen. The partial
/// `form-fields` renders any list of them; the element id is `f-NAME`.
struct FormField: Sendable {
    /// How the question is answered.
    enum Kind: Sendable {
        case text, email, telephone, number, date, dateTime, longText
        /// One of `options`, as radios.
        case radios
        /// Any of `options`, as checkboxes.
        case checkboxes
        /// One of `options`, from a list (many choices).
        case select
    }

    /// A choice of a radio, checkbox or select question.
    struct Option: Sendable {
        let value: String
        let label: String
        /// The choice's element id (`f-NAME-VALUE`).
        var id = ""
        var optionHint: String?
        var optionHintID: String?
        var checked = false

        init(_ value: String, _ label: String, hint: String? = nil) {
            self.value = value
            self.label = label
            optionHint = hint
        }
    }

    let name: String
    let label: String
    var hint: String?
    var value = ""
    var options: [Option] = []
    var error: String?
    /// Whether it may be left empty, which the label says.
    var optional = false
    /// A narrow input, for a number or a code.
    var short = false
    // What the partial needs, set by `init` and `answered(_:error:)`.
    var id: String
    var inputType = "text"
    var isInput = false
    var isTextArea = false
    var isSelect = false
    var isGroup = false
    var describedBy: String?

    init(
        _ name: String, _ label: String, kind: Kind = .text, hint: String? = nil, options: [Option] = [],
        optional: Bool = false, short: Bool = false
    ) {
        self.name = name
        self.label = label
        self.hint = hint
        self.optional = optional
        self.short = short
        id = "f-\(name)"
        switch kind {
        case .text: inputType = "text"
        case .email: inputType = "email"
        case .telephone: inputType = "tel"
        case .number: inputType = "number"
        case .date: inputType = "date"
        case .dateTime: inputType = "datetime-local"
        case .longText: isTextArea = true
        case .radios: inputType = "radio"
        case .checkboxes: inputType = "checkbox"
        case .select: isSelect = true
        }
        isGroup = kind == .radios || kind == .checkboxes
        isInput = !isGroup && !isTextArea && !isSelect
        self.options = options.map { option in
            var option = option
            option.id = "f-\(name)-\(option.value)"
            option.optionHintID = option.optionHint == nil ? nil : "f-\(name)-\(option.value)-hint"
            return option
        }
        describe()
    }

    /// The field showing `values` (what was typed, or each choice made) and `error`.
    func answered(_ values: [String], error: String? = nil) -> FormField {
        var field = self
        field.value = values.first ?? ""
        field.options = options.map { option in
            var option = option
            option.checked = values.contains(option.value)
            return option
        }
        field.error = error
        field.describe()
        return field
    }

    /// The id the error summary links to: the first choice of a group, the input otherwise.
    var anchor: String { isGroup ? options.first?.id ?? id : id }

    private mutating func describe() {
        let ids = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }
        describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}
