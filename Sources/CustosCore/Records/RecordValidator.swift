/// Checks a record's values against its ``RecordType``: unknown fields refused, required fields
/// present, recommended ones warned about, formats and choices checked, and no payment card
/// number anywhere. Values come back in the form Custos keeps (see ``FieldValueNormaliser``).
public struct RecordValidator: Sendable {
    public let recordType: RecordType
    private let fieldsByName: [String: RecordField]

    public init(recordType: RecordType) {
        self.recordType = recordType
        var fields: [String: RecordField] = [:]
        for field in recordType.fields { fields[field.name] = field }
        fieldsByName = fields
    }

    /// The outcome of checking one record.
    public struct Outcome: Sendable, Equatable {
        /// The values to keep, by field name; blank values are left out.
        public var values: [String: String]
        /// Errors (the record must not be written) and warnings.
        public var problems: [FieldProblem]

        /// Whether the record may be written: it has no errors.
        public var isValid: Bool { !problems.contains { !$0.isWarning } }
    }

    /// Checks `values` (field name → text as given; blank means not given).
    public func validate(_ values: [String: String]) -> Outcome {
        var kept: [String: String] = [:]
        var problems: [FieldProblem] = []
        for (name, text) in values {
            guard let field = fieldsByName[name] else {
                problems.append(FieldProblem(field: name, message: "is not a field of \(recordType.id)"))
                continue
            }
            if PaymentCardNumber.occurs(in: text) {
                problems.append(
                    FieldProblem(field: name, message: "looks like a payment card number, which Custos never stores"))
                continue
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            switch FieldValueNormaliser.normalise(text, as: field.format) {
            case .success(let value):
                if !field.choices.isEmpty {
                    guard let choice = field.choices.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame })
                    else {
                        problems.append(
                            FieldProblem(
                                field: name, message: "must be one of \(field.choices.joined(separator: ", "))"))
                        continue
                    }
                    kept[name] = choice
                } else {
                    kept[name] = value
                }
            case .failure(let rejection):
                problems.append(FieldProblem(field: name, message: rejection.message))
            }
        }
        for field in recordType.fields where kept[field.name] == nil && values[field.name].map(isBlank) ?? true {
            switch field.level {
            case .required: problems.append(FieldProblem(field: field.name, message: "is required"))
            case .recommended:
                problems.append(FieldProblem(field: field.name, message: "is recommended", isWarning: true))
            case .optional: break
            }
        }
        if let first = recordType.identifiedBy.first, !recordType.identifiedBy.contains(where: { kept[$0] != nil }) {
            let labels = recordType.identifiedBy.compactMap { fieldsByName[$0]?.displayLabel }
            problems.append(
                FieldProblem(
                    field: first,
                    message:
                        "is missing: give at least one of \(labels.joined(separator: ", ")), which identify the person")
            )
        }
        problems.sort { ($0.isWarning ? 1 : 0, order(of: $0.field)) < ($1.isWarning ? 1 : 0, order(of: $1.field)) }
        return Outcome(values: kept, problems: problems)
    }

    private func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    /// A field's position in the record type, for reporting problems in the order of the form.
    private func order(of name: String) -> Int {
        recordType.fields.firstIndex { $0.name == name } ?? recordType.fields.count
    }
}
