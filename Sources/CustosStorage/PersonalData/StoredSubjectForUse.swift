public import CustosCore

/// Everything the door reads to decide and answer a use of one person's data, read in one go:
/// the person, their consents and processing states, their identifiers' kinds and their record
/// parts (still sealed).
public struct StoredSubjectForUse: Sendable {
    public var subject: StoredSubject
    public var consents: [ConsentEntry]
    public var processing: [ProcessingStateEntry]
    public var identifiers: [StoredIdentifier]
    public var parts: [StoredRecordPart]
    /// The person's statements on records (a refused correction's), sealed.
    public var statements: [StoredRecordStatement]

    public init(
        subject: StoredSubject, consents: [ConsentEntry], processing: [ProcessingStateEntry],
        identifiers: [StoredIdentifier], parts: [StoredRecordPart], statements: [StoredRecordStatement] = []
    ) {
        self.subject = subject
        self.consents = consents
        self.processing = processing
        self.identifiers = identifiers
        self.parts = parts
        self.statements = statements
    }
}
