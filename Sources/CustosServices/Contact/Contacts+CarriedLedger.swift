public import CustosCore
public import Foundation

/// A contact ledger carried over from another system, as it stood there: consents given and
/// withdrawn, restrictions and objections, and addresses on the suppression list.
public struct CarriedLedger: Sendable {
    /// An address on the other system's suppression list.
    public struct Suppression: Sendable {
        public var kind: String
        public var value: String
        public var scope: SuppressionScope
        public var reason: SuppressionReason

        public init(kind: String, value: String, scope: SuppressionScope, reason: SuppressionReason) {
            self.kind = kind
            self.value = value
            self.scope = scope
            self.reason = reason
        }
    }

    public var consents: [ConsentEntry]
    public var processingStates: [ProcessingStateEntry]
    public var suppressions: [Suppression]

    public init(
        consents: [ConsentEntry] = [], processingStates: [ProcessingStateEntry] = [], suppressions: [Suppression] = []
    ) {
        self.consents = consents
        self.processingStates = processingStates
        self.suppressions = suppressions
    }

    /// How many entries the ledger holds.
    public var count: Int { consents.count + processingStates.count + suppressions.count }
}

extension Contacts {
    /// Carries `ledger` over in one write, audited once with its counts (no personal data). Every
    /// consent must name one of the policy's purposes and is kept as an import; every address on
    /// the suppression list must be a valid email or phone number. A ledger with any bad entry is
    /// refused whole, naming the first, and nothing is written.
    public func carryOver(_ ledger: CarriedLedger, actor: String, at time: Date = Date()) async throws {
        var changes = ChangeSet(workspaceID: workspaceID)
        for (position, entry) in ledger.consents.enumerated() {
            guard vault.policy.purpose(entry.purpose) != nil else {
                throw VaultError(
                    "consents[\(position)].purpose: the policy has no purpose '\(entry.purpose)'", kind: .invalid)
            }
            var carried = entry
            carried.source = .import
            changes.contact.consentEntries.append(carried)
        }
        for (position, state) in ledger.processingStates.enumerated() {
            if let purpose = state.purpose, vault.policy.purpose(purpose) == nil {
                throw VaultError(
                    "processingStates[\(position)].purpose: the policy has no purpose '\(purpose)'", kind: .invalid)
            }
            changes.contact.processingStates.append(state)
        }
        for (position, suppression) in ledger.suppressions.enumerated() {
            let index: Data
            do {
                index = try addressIndex(kind: suppression.kind, value: suppression.value)
            } catch let error as VaultError {
                throw VaultError("suppressions[\(position)]: \(error.message)", kind: .invalid)
            }
            changes.contact.suppressions.append(
                StoredSuppression(
                    index: index, kind: suppression.kind, scope: suppression.scope, reason: suppression.reason,
                    recordedBy: actor, recordedAt: time))
        }
        changes.audit = [
            vault.event(
                "ledger.carry_over", actor: actor, at: time,
                detail:
                    "\(ledger.consents.count) consent entries, \(ledger.processingStates.count) processing states, \(ledger.suppressions.count) suppressed addresses"
            )
        ]
        try await store.apply(changes)
    }
}
