/// How serious a finding is: errors are breaches of the law and fail `policy check`; warnings
/// are gaps a DPO should look at.
public enum FindingSeverity: String, Sendable, Hashable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
