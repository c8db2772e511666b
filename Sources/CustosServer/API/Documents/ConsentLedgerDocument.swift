import Hummingbird

/// A person's consent ledger and processing states, oldest first.
struct ConsentLedgerDocument: ResponseCodable {
    var entries: [ConsentEntryDocument]
    var processing: [ProcessingStateDocument]
}
