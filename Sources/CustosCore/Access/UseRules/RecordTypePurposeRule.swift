/// Records are used only for the purposes their type is kept for (UK GDPR Art 5(1)(b)).
public struct RecordTypePurposeRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        guard !recordType.purposes.contains(purpose.id) else { return nil }
        return UseRefusal(
            .purposeNotAllowed,
            "purpose: \(recordType.id) records are not kept for '\(purpose.id)'; they are kept for \(recordType.purposes.joined(separator: ", "))"
        )
    }
}
