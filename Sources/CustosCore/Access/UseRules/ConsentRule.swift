/// A purpose that rests on consent uses a person's data only while their consent is in force
/// (UK GDPR Arts 6(1)(a), 7(3)). A purpose that uses data pseudonymised or anonymised needs
/// consent only to identify the person, which ``UseDecider`` decides; a person the write itself
/// creates is being asked now, at collection.
public struct ConsentRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        guard purpose.reliesOnConsent, (purpose.use ?? .identified) == .identified, !standing.isNew,
            !standing.consentInForce(for: purpose.id)
        else { return nil }
        return UseRefusal(
            .consentMissing,
            "purpose: '\(purpose.id)' rests on consent, and the person's consent for it is not in force (never given, or withdrawn)"
        )
    }
}
