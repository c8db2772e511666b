/// One rule of the door: it refuses a use of personal data, or lets it pass to the next rule.
/// Each is a small type with its own tests; ``UseDecider`` runs them in order.
public protocol UseRule: Sendable {
    /// The refusal, or nil when this rule allows the use. `purpose` and `recordType` are the
    /// policy's, already checked to exist.
    func check(
        _ use: DataUse, purpose: Purpose, recordType: RecordType, standing: PersonStanding, policy: Policy
    ) -> UseRefusal?
}
