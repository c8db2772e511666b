import Hummingbird

/// Whether an address is on the suppression list.
struct SuppressionState: ResponseCodable {
    var suppressed: Bool
    /// `all` or `marketing` when suppressed.
    var scope: String?
}
