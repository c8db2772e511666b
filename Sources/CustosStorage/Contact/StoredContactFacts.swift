public import CustosCore

/// What the store holds about one person that the contact decision needs, read in one go.
public struct StoredContactFacts: Sendable {
    public var subject: StoredSubject
    public var consents: [ConsentEntry]
    public var processing: [ProcessingStateEntry]
    /// The widest suppression of any of the person's identifiers, if any is on the list.
    public var suppression: SuppressionScope?
    /// The record types the person has a part in.
    public var recordTypes: Set<String>

    public init(
        subject: StoredSubject, consents: [ConsentEntry], processing: [ProcessingStateEntry],
        suppression: SuppressionScope?, recordTypes: Set<String>
    ) {
        self.subject = subject
        self.consents = consents
        self.processing = processing
        self.suppression = suppression
        self.recordTypes = recordTypes
    }
}
