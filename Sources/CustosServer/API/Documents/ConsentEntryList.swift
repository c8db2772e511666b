import Hummingbird

/// Ledger entries just written.
struct ConsentEntryList: ResponseCodable {
    var entries: [ConsentEntryDocument]
}
