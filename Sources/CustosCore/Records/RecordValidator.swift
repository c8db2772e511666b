/// Checks a record's values against its ``RecordType``: unknown fields refused, required fields
/// present, recommended ones warned about, formats and choices checked, and no payment card
/// number anywhere. Values come back in the form Custos keeps (see ``FieldValueNormaliser``).
public struct RecordValidator: Sendable {
    public let recordType: RecordType
    /// Each field's place in the record type's fields, by name: a field is read in place rather
    /// than copied out (an import checks every row, and the copies showed in its profile).
    private let placeOfField: [String: Int]

    public init(recordType: RecordType) {
        self.recordType = recordType
        var places: [String: Int] = [:]
        for (place, field) in recordType.fields.enumerated() { places[field.name] = place }
        placeOfField = places
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
        kept.reserveCapacity(values.count)
        var problems: [FieldProblem] = []
        let fields = recordType.fields
        for (name, text) in values {
            guard let place = placeOfField[name] else {
                problems.append(FieldProblem(field: name, message: "is not a field of \(recordType.id)"))
                continue
            }
            if PaymentCardNumber.occurs(in: text) {
                problems.append(
                    FieldProblem(field: name, message: "looks like a payment card number, which Custos never stores"))
                continue
            }
            if isBlank(text) { continue }
            switch FieldValueNormaliser.normalise(text, as: fields[place].format) {
            case .success(let value):
                let choices = fields[place].choices
                if !choices.isEmpty {
                    guard let choice = choices.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame })
                    else {
                        problems.append(
                            FieldProblem(field: name, message: "must be one of \(choices.joined(separator: ", "))"))
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
        for place in fields.indices where fields[place].level != .optional {
            let name = fields[place].name
            guard kept[name] == nil, values[name].map(isBlank) ?? true else { continue }
            switch fields[place].level {
            case .required: problems.append(FieldProblem(field: name, message: "is required"))
            case .recommended: problems.append(FieldProblem(field: name, message: "is recommended", isWarning: true))
            case .optional: break
            }
        }
        if let first = recordType.identifiedBy.first, !recordType.identifiedBy.contains(where: { kept[$0] != nil }) {
            let labels = recordType.identifiedBy.compactMap { placeOfField[$0].map { fields[$0].displayLabel } }
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

    /// Whether `text` is empty or only white space; a printable ASCII character settles it at once.
    private func isBlank(_ text: String) -> Bool {
        if text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// A field's position in the record type, for reporting problems in the order of the form.
    private func order(of name: String) -> Int {
        recordType.fields.firstIndex { $0.name == name } ?? recordType.fields.count
    }
}
