/// Why people at high risk from a breach need not be told (UK GDPR Art 34(3)).
public enum Article34Ground: String, Sendable, Codable, CaseIterable {
    /// The data was unintelligible to anyone not allowed to see it (encrypted, say): Art 34(3)(a).
    case unintelligible
    /// Measures taken since mean the high risk is no longer likely: Art 34(3)(b).
    case riskNoLongerLikely = "risk_no_longer_likely"
    /// Telling each would take disproportionate effort, and a public communication was made
    /// instead: Art 34(3)(c).
    case publicCommunication = "public_communication"
}
