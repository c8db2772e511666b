/// What a rule found: where, and a plain-English message naming the item.
public struct RuleViolation: Sendable, Hashable {
    public var path: PolicyPath
    public var message: String

    public init(_ path: PolicyPath, _ message: String) {
        self.path = path
        self.message = message
    }
}
