extension Policy {
    /// The requests people can make of this organisation, in the order a form lists them: the
    /// rights every notice gives, and those its purposes open (objection where processing rests
    /// on a public task or legitimate interests, or there is marketing; portability on consent or
    /// contract; withdrawal where consent is relied on; a review where decisions are automated;
    /// the educational record where the policy offers it).
    public var requestKindsOffered: [RequestKind] {
        var kinds: [RequestKind] = [.access, .rectification, .erasure, .restriction]
        let objectable: Set<LawfulBasis> = [.publicTask, .legitimateInterests, .recognisedLegitimateInterest]
        if purposes.contains(where: { $0.lawfulBasis.map(objectable.contains) == true || $0.marketing != nil }) {
            kinds.append(.objection)
        }
        if purposes.contains(where: { $0.lawfulBasis == .consent || $0.lawfulBasis == .contract }) {
            kinds.append(.portability)
        }
        if purposes.contains(where: \.reliesOnConsent) { kinds.append(.consentWithdrawal) }
        if purposes.contains(where: { $0.automatedDecision != nil }) { kinds.append(.automatedDecisionReview) }
        if rights.educationalRecord { kinds.append(.educationalRecord) }
        return kinds
    }
}
