/// A person who objected to a purpose, where the DPO recorded no compelling grounds to carry on,
/// has their data used for it no more (UK GDPR Art 21); to direct marketing the objection is
/// absolute.
public struct ObjectionRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        guard !standing.isNew, standing.state(for: purpose.id) == .objected else { return nil }
        return UseRefusal(
            .objected,
            "purpose: the person objected to '\(purpose.id)' and no compelling grounds are recorded: their data is no longer used for it (UK GDPR Art 21)"
        )
    }
}
