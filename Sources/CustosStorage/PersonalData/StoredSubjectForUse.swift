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

    public init(
        subject: StoredSubject, consents: [ConsentEntry], processing: [ProcessingStateEntry],
        identifiers: [StoredIdentifier], parts: [StoredRecordPart]
    ) {
        self.subject = subject
        self.consents = consents
        self.processing = processing
        self.identifiers = identifiers
        self.parts = parts
    }
}
