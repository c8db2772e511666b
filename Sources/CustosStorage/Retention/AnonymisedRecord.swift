public import CustosCore
public import Foundation

/// What is left of a record whose retention rule anonymises it: the rule's statistical fields
/// (`keep_fields`), with nothing that links them to the person. It has an id of its own, not the
/// record's, and no subject: the person's own data is erased as for `erase`.
public struct AnonymisedRecord: Sendable, Equatable {
    public var id: UUID
    public var recordType: String
    /// The rule that anonymised it.
    public var rule: String
    /// The kept fields' values, by field name; fields left empty are absent.
    public var values: [String: String]
    public var anonymisedOn: CalendarDay

    public init(
        id: UUID = UUID(), recordType: String, rule: String, values: [String: String], anonymisedOn: CalendarDay
    ) {
        self.id = id
        self.recordType = recordType
        self.rule = rule
        self.values = values
        self.anonymisedOn = anonymisedOn
    }
}
