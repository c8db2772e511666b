extension LawfulBasis {
    /// The rights that apply to processing on this basis, by the ICO's table of rights and bases:
    /// erasure is not available for legal obligation or public task, portability only for consent
    /// and contract, objection only for public task and legitimate interests.
    public var rightsAvailable: [String] {
        var rights = ["be informed", "access", "rectification"]
        if ![.legalObligation, .publicTask].contains(self) { rights.append("erasure") }
        rights.append("restriction")
        if self == .consent || self == .contract { rights.append("portability") }
        if [.publicTask, .legitimateInterests, .recognisedLegitimateInterest].contains(self) {
            rights.append("objection")
        }
        if self == .consent { rights.append("withdraw consent") }
        return rights
    }
}
