/// Why a disclosure was made, in the words of whoever decided: sealed, never in the audit log.
public struct DisclosureText: Sendable, Equatable, Codable {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }
}
