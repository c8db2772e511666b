/// What an address on the suppression list is kept from.
public enum SuppressionScope: String, PolicyKeyword, Comparable {
    /// Direct marketing; administrative messages (a booking changed) still go.
    case marketing
    /// Every message: the person was erased, or asked never to be contacted.
    case all

    /// Whether it keeps messages of a marketing purpose (`isMarketing`) or any other from going.
    public func blocks(isMarketing: Bool) -> Bool {
        self == .all || isMarketing
    }

    public static func < (lhs: SuppressionScope, rhs: SuppressionScope) -> Bool {
        lhs == .marketing && rhs == .all
    }
}
