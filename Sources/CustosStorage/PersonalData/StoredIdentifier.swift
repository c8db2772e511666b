public import Foundation

/// A blind index linking an identifier (email, phone, UPN, ...) to a subject.
public struct StoredIdentifier: Sendable, Hashable {
    /// The keyed HMAC of the identifier's kind and normalised value.
    public var index: Data
    /// `email`, `phone`, `upn`, `uln` or a field name: what kind of identifier it is, not its value.
    public var kind: String
    public var subjectID: UUID

    public init(index: Data, kind: String, subjectID: UUID) {
        self.index = index
        self.kind = kind
        self.subjectID = subjectID
    }
}
