/// Data whose processing the person restricted for a purpose is only stored (UK GDPR Art 18):
/// no change, and no read unless on a ground Art 18(2) allows, named with the use. A correction
/// the restriction was asked for goes through the rectification request.
public struct RestrictionRule: UseRule {
    public init() {}

    public func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal? {
        guard !standing.isNew, standing.state(for: purpose.id) == .restricted else { return nil }
        if use.action == .read, use.restrictedUseGround != nil { return nil }
        let allowed = RestrictedUseGround.allCases.map(\.rawValue).joined(separator: ", ")
        return UseRefusal(
            .restricted,
            use.action == .read
                ? "purpose: the person restricted processing for '\(purpose.id)': it is only stored (UK GDPR Art 18); a read on a ground of Art 18(2) names it (\(allowed)) with a reason"
                : "purpose: the person restricted processing for '\(purpose.id)': it is only stored and not changed (UK GDPR Art 18); a correction goes through their rectification request"
        )
    }
}
