extension Policy {
    /// Every field of every record type.
    public var allFields: [PolicyField] {
        recordTypes.flatMap { record in record.fields.map { PolicyField(recordType: record, field: $0) } }
    }

    /// The record types processed for a purpose.
    public func recordTypes(for purpose: Purpose) -> [RecordType] {
        recordTypes.filter { $0.purposes.contains(purpose.id) }
    }

    /// The fields processed for a purpose: those of its record types, less fields kept for other
    /// purposes only.
    public func fields(for purpose: Purpose) -> [PolicyField] {
        recordTypes(for: purpose).flatMap { record in
            record.fields.filter { $0.purposes.isEmpty || $0.purposes.contains(purpose.id) }
                .map { PolicyField(recordType: record, field: $0) }
        }
    }

    /// The special-category fields processed for a purpose.
    public func specialFields(for purpose: Purpose) -> [PolicyField] {
        fields(for: purpose).filter { specialCategory(of: $0.field.category) != nil }
    }

    /// The kinds of people whose data a purpose processes: those whose role some field describes.
    public func subjects(of purpose: Purpose) -> [SubjectKind] {
        let ids = fields(for: purpose).compactMap { $0.role?.subject }
        return subjects.filter { ids.contains($0.id) }
    }

    /// The fields that describe people of a kind.
    public func fields(about subject: SubjectKind) -> [PolicyField] {
        allFields.filter { $0.role?.subject == subject.id }
    }

    /// The record types holding fields about people of a kind.
    public func recordTypes(about subject: SubjectKind) -> [RecordType] {
        let ids = Set(fields(about: subject).map(\.recordType.id))
        return recordTypes.filter { ids.contains($0.id) }
    }

    /// The purposes that process some field about people of a kind.
    public func purposes(about subject: SubjectKind) -> [Purpose] {
        purposes.filter { purpose in fields(for: purpose).contains { $0.role?.subject == subject.id } }
    }

    /// The recipients of a purpose.
    public func recipients(of purpose: Purpose) -> [Recipient] {
        purpose.recipients.compactMap(recipient)
    }

    /// The names of the recipients the purposes with `purposeIDs` share with as a matter of
    /// course (those without a `when`), sorted, once each: whom to tell of an erasure,
    /// rectification or restriction (UK GDPR Art 19) besides those the disclosure log names.
    public func routineRecipientNames(ofPurposes purposeIDs: some Sequence<String>) -> [String] {
        let wanted = Set(purposeIDs)
        let names = purposes.filter { wanted.contains($0.id) }.flatMap {
            recipients(of: $0).filter { $0.when == nil }.map(\.name)
        }
        return Array(Set(names)).sorted()
    }

    /// The purposes that share data with a recipient.
    public func purposes(sharingWith recipient: Recipient) -> [Purpose] {
        purposes.filter { $0.recipients.contains(recipient.id) }
    }

    /// The retention rules of a record type.
    public func retentionRules(of recordType: RecordType) -> [RetentionRule] {
        recordType.retention.compactMap(retentionRule)
    }

    /// Whether a purpose processes children's data.
    public func processesChildrensData(_ purpose: Purpose) -> Bool {
        subjects(of: purpose).contains(where: \.children)
    }

    /// The name of a category for people to read: the declared or default name, else the key.
    public func categoryName(_ key: String) -> String {
        category(key)?.name ?? key
    }
}
