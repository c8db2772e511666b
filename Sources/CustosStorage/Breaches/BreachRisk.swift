/// How likely a breach is to harm the people it touched (UK GDPR Arts 33–34): no risk need not be
/// reported to the ICO (the decision and its reason are still logged); a risk must be, within 72
/// hours of discovery; a high risk must also be told to the people.
public enum BreachRisk: String, Sendable, Codable, CaseIterable {
    case none
    case risk
    case high
}
