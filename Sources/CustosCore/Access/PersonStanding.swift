/// What the door knows of a person when deciding a use of their data: their consent ledger and
/// their restrictions and objections. A person the use itself creates stands with neither.
public struct PersonStanding: Sendable, Hashable {
    public var consents: [ConsentEntry]
    public var processing: [ProcessingStateEntry]
    /// Whether the person is new, made by the write being decided.
    public var isNew: Bool

    public init(consents: [ConsentEntry], processing: [ProcessingStateEntry], isNew: Bool = false) {
        self.consents = consents
        self.processing = processing
        self.isNew = isNew
    }

    /// A person the write being decided makes.
    public static let new = PersonStanding(consents: [], processing: [], isNew: true)

    /// A person held, with no consent, restriction or objection recorded.
    public static let nothingRecorded = PersonStanding(consents: [], processing: [])

    /// The processing state in force for `purpose`.
    public func state(for purpose: String) -> ProcessingState {
        ProcessingStateEntry.state(for: purpose, in: processing)
    }

    /// Whether the person's consent for `purpose` is in force on some channel or list.
    public func consentInForce(for purpose: String) -> Bool {
        ConsentLedger(consents).inForce(purpose: purpose)
    }

    /// Whether the person withdrew consent for `purpose` and has not given it again.
    public func consentWithdrawn(for purpose: String) -> Bool {
        ConsentLedger(consents).withdrawn(purpose: purpose)
    }
}
