/// What a role may do with one record type: which fields, within which scope.
public struct AccessGrant: Sendable, Equatable {
    /// The fields reached; `nil` means every field of the type.
    public var fields: Set<String>?
    public var scope: AccessScope

    public init(fields: Set<String>?, scope: AccessScope) {
        self.fields = fields
        self.scope = scope
    }

    /// Whether `field` is within the grant.
    public func covers(_ field: String) -> Bool { fields?.contains(field) ?? true }

    /// Whether every field is within the grant.
    public var coversEveryField: Bool { fields == nil }
}
