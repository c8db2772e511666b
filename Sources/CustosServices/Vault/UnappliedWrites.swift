import Crypto
import CustosStorage
import Foundation

/// What a prepared change set makes that the store does not hold until it is applied: its new
/// people (found by their identifiers' blind indexes), their data keys, its records by owner and
/// its new schools.
///
/// An import prepares its next batch while the last one is written (``Vault/prepare(_:at:following:)``);
/// the next batch sees these as if they were held, so that a person or record met in both batches
/// is made once. Only the last batch's are carried, so the memory is bounded by a batch.
public struct UnappliedWrites: Sendable {
    /// The person each identifier index written by the batch finds.
    var subjectForIndex: [Data: UUID] = [:]
    /// The data keys of the people the batch wrote to.
    var dataKeys: [UUID: SymmetricKey] = [:]
    /// Each record the batch writes, by its type and owner (type id, U+001F, the owner's id).
    var recordForOwner: [String: UUID] = [:]
    /// The schools the batch makes, by URN.
    var schoolsByURN: [String: School] = [:]

    /// Nothing unapplied: the store holds everything.
    public static let none = UnappliedWrites()
}
