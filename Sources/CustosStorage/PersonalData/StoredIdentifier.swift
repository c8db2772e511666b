public import Foundation

/// A blind index linking an identifier (email, phone, UPN, ...) to a subject.
public struct StoredIdentifier: Sendable, Hashable {
    /// The keyed HMAC of the identifier's kind and normalised value.
    public var index: Data
    /// `email`, `phone`, `upn`, `uln` or a field name: what kind of identifier it is, not its value.
    public var kind: String
    public var subjectID: UUID
    /// Whether this identifier made the person (they were new, found by it): no other person may
    /// then be made by it, so two writes about the same new person at once make one person. The
    /// store refuses the second with ``StoreError/identityTaken``.
    public var claims: Bool

    public init(index: Data, kind: String, subjectID: UUID, claims: Bool = false) {
        self.index = index
        self.kind = kind
        self.subjectID = subjectID
        self.claims = claims
    }
}
