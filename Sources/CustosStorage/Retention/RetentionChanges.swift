/// Changes to what retention records: events people's rules run from, and anonymised copies.
///
/// One part of a ``ChangeSet``, written in its transaction.
public struct RetentionChanges: Sendable {
    /// Events recorded for people, which retention rules run from.
    public var events: [RetentionEvent] = []
    /// What anonymisation keeps of records, apart from anyone.
    public var anonymisedRecords: [AnonymisedRecord] = []

    public init() {}
}
