public import CustosStorage
import Foundation

/// A subject with every record part about them, opened.
public struct SubjectView: Sendable, Hashable {
    public var subject: StoredSubject
    /// The kinds of identifier held for them (`email`, `upn`, ...), not the values.
    public var identifierKinds: [String]
    public var records: [RecordView]

    public init(subject: StoredSubject, identifierKinds: [String], records: [RecordView]) {
        self.subject = subject
        self.identifierKinds = identifierKinds
        self.records = records
    }
}
