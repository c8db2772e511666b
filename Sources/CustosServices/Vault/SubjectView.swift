public import CustosCore
public import CustosStorage
public import Foundation

/// A subject with every record part about them, opened, and what limits their data's use.
public struct SubjectView: Sendable, Hashable {
    public var subject: StoredSubject
    /// The kinds of identifier held for them (`email`, `upn`, ...), not the values.
    public var identifierKinds: [String]
    public var records: [RecordView]
    /// The purposes their data may not be used for now: restricted (Art 18) or objected to
    /// (Art 21), each with when and why. Staff who use the data must see it.
    public var limits: [PurposeLimit]
    /// Their statements on records shown, attached when a correction they asked for was refused
    /// (Art 16): staff who read the record read the person's side of it too.
    public var statements: [RecordStatement]

    public init(
        subject: StoredSubject, identifierKinds: [String], records: [RecordView], limits: [PurposeLimit] = [],
        statements: [RecordStatement] = []
    ) {
        self.subject = subject
        self.identifierKinds = identifierKinds
        self.records = records
        self.limits = limits
        self.statements = statements
    }

    /// A purpose whose use is stopped for the person.
    public struct PurposeLimit: Sendable, Hashable {
        /// The purpose's id.
        public var purpose: String
        /// `restricted` or `objected`.
        public var state: ProcessingState
        /// When the entry in force was recorded.
        public var since: Date
        /// Why, as staff or the request recorded it (a restriction request's id and ground).
        public var reason: String

        public init(purpose: String, state: ProcessingState, since: Date, reason: String) {
            self.purpose = purpose
            self.state = state
            self.since = since
            self.reason = reason
        }

        /// The limits in force among `entries`, purpose by purpose of `policy`.
        static func inForce(_ entries: [ProcessingStateEntry], policy: Policy) -> [PurposeLimit] {
            policy.purposes.compactMap { purpose in
                guard let latest = ProcessingStateEntry.inForce(for: purpose.id, in: entries), latest.state != .active
                else { return nil }
                return PurposeLimit(
                    purpose: purpose.id, state: latest.state, since: latest.recordedAt, reason: latest.reason)
            }
        }
    }

    /// The person's statement on one record, opened.
    public struct RecordStatement: Sendable, Hashable {
        public var recordID: UUID
        /// The refused correction request it came with.
        public var requestID: UUID
        public var text: String
        public var addedAt: Date

        public init(recordID: UUID, requestID: UUID, text: String, addedAt: Date) {
            self.recordID = recordID
            self.requestID = requestID
            self.text = text
            self.addedAt = addedAt
        }
    }
}
