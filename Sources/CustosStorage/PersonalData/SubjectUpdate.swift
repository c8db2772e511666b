public import CustosCore
public import Foundation

/// A change to a stored subject, applied in a ``ChangeSet``.
public enum SubjectUpdate: Sendable, Hashable {
    /// A transaction or communication happened; retention restarts from `date` (never moves back).
    case lastActivity(UUID, Date)
    case school(UUID, UUID?)
    /// The subject was a duplicate of another; its key is destroyed.
    case mergedInto(UUID, survivor: UUID)
    /// The subject's data key is destroyed (erasure): whatever was sealed with it, backups included,
    /// can never be opened again.
    case keyDestroyed(UUID)
    /// The subject's key wrapped again under another master key (rotation).
    case rewrapped(UUID, WrappedKey)
}
