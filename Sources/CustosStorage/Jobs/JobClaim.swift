public import Foundation

/// One server's claim on a piece of background work in one workspace (the retention sweep, the
/// messages pass): while its lease runs, no other server or process takes the same work. Leases
/// are timed by the database's clock, so servers whose clocks differ agree on when one ends.
///
/// A claim is also a fence: a change set carrying ``ChangeCondition/claimHeld(_:)`` is written
/// only while the claim is still this holder's, and renews the lease as it is written, so work
/// whose lease ran out and was taken over elsewhere cannot be recorded twice.
public struct JobClaim: Sendable, Hashable {
    /// The work, by name (`retention`, `messages`).
    public let job: String
    public let workspaceID: UUID
    /// Who holds it: one per process.
    public let holder: UUID
    /// How long the claim lasts without being renewed.
    public let lease: TimeInterval

    public init(job: String, workspaceID: UUID, holder: UUID, lease: TimeInterval) {
        self.job = job
        self.workspaceID = workspaceID
        self.holder = holder
        self.lease = lease
    }

    /// Each process's holder id, unless it is given one.
    public static let processHolder = UUID()

    /// The lease in whole milliseconds, as the stores keep it.
    public var leaseMilliseconds: Int64 { Int64((lease * 1000).rounded()) }
}
