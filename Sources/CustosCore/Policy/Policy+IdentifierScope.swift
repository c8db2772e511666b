extension Policy {
    /// The identifier kinds that tell people apart only within their school
    /// (``IdentifierScope/school``): never tombstoned on erasure, since another pupil of the school
    /// may share a name, and never searched or looked up without the school.
    public var schoolScopedIdentifierKinds: Set<String> {
        Set(recordTypes.flatMap(\.fields).filter { $0.identifierScope == .school }.compactMap(\.identifierKind))
    }

    /// Every kind of identifier the policy's record types hold (`email`, `upn`, `staff_number`):
    /// what people can be looked up by.
    public var identifierKinds: Set<String> {
        Set(recordTypes.flatMap(\.fields).compactMap(\.identifierKind))
    }
}
