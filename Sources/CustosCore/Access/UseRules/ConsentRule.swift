/// A purpose that rests on consent uses a person's data only while their consent is in force
/// (UK GDPR Arts 6(1)(a), 7(3)). A purpose that uses data pseudonymised or anonymised needs
/// consent only to identify the person, which ``UseDecider`` decides; a person the write itself
/// creates is being asked now, at collection.
///
/// Where the policy says consent is taken without an act of the person's own (`implied` or
/// `opt_out`: ASSET's "assumed consented through the schools"), no act is ever in the ledger, so
/// consent counts as in force until it is withdrawn. The linter says that such consent is not
/// valid under UK GDPR; the door keeps the promise the policy makes, withdrawal included.
public struct ConsentRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        guard purpose.reliesOnConsent, (purpose.use ?? .identified) == .identified, !standing.isNew else {
            return nil
        }
        switch purpose.consent?.mechanism {
        case .implied, .optOut:
            guard standing.consentWithdrawn(for: purpose.id) else { return nil }
        default:
            guard !standing.consentInForce(for: purpose.id) else { return nil }
        }
        return UseRefusal(
            .consentMissing,
            "purpose: '\(purpose.id)' rests on consent, and the person's consent for it is not in force (never given, or withdrawn)"
        )
    }
}
