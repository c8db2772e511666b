public import Foundation

/// Something that must still hold when a ``ChangeSet`` is written, checked in its transaction:
/// if it does not, nothing is written and the store throws ``StoreError/conditionFailed(_:)``.
public enum ChangeCondition: Sendable, Hashable {
    /// The claim on background work is still its holder's; the lease is renewed.
    case claimHeld(JobClaim)
    /// The user's second-factor step is later than the last one accepted, and becomes it: a code
    /// is accepted once, even when two servers check it at the same moment.
    case secondFactorStep(userID: UUID, step: Int64)
    /// The audit log is not keyed yet: the entry that keys it is written once, by the first
    /// process to get there.
    case auditUnkeyed
    /// Each of these requests still keeps who asked in plain columns: they are sealed once, by
    /// the first process to open the workspace.
    case requestPartiesPlain([UUID])
}
