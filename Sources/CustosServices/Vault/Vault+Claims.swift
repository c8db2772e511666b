import CustosStorage
public import Foundation

/// A server's claim on background work in one workspace (``Vault/claimWork(_:lease:holder:)``),
/// held while it does the work.
public struct WorkClaim: Sendable, Hashable {
    let claim: JobClaim

    /// The work a claim can be on.
    public enum Job: String, Sendable {
        /// The daily retention sweep (``Retention``).
        case retention
        /// A pass over the workspace's messages: links, notices, reminders and the outbox.
        case messages
    }
}

extension Vault {
    /// Who this process is, as the holder of claims (``claimWork(_:lease:holder:)``).
    public static var processHolder: UUID { JobClaim.processHolder }

    /// Claims background work in this workspace (``JobClaim``) for `lease` seconds, for this
    /// process; nil when another server or command holds it now.
    public func claimWork(
        _ job: WorkClaim.Job, lease: TimeInterval, holder: UUID = Vault.processHolder
    ) async throws -> WorkClaim? {
        let claim = JobClaim(job: job.rawValue, workspaceID: workspace.id, holder: holder, lease: lease)
        return try await store.claim(claim).taken ? WorkClaim(claim: claim) : nil
    }

    /// Gives back work claimed with ``claimWork(_:lease:holder:)``.
    public func finishWork(_ work: WorkClaim) async throws {
        try await store.finish(work.claim, on: nil)
    }

    /// Whether `work` is still this process's (its lease renewed); true without a claim. Work
    /// that sends something outside the database (an email) asks just before each send.
    func stillHolds(_ work: WorkClaim?) async throws -> Bool {
        guard let work else { return true }
        return try await store.claim(work.claim).taken
    }
}

extension ChangeSet {
    /// Written only while `work` (if any) is still its holder's.
    mutating func fence(_ work: WorkClaim?) {
        if let work { conditions.append(.claimHeld(work.claim)) }
    }
}
