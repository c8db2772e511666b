import CustosCore
import CustosServices
import Foundation
import Synchronization

/// Open vaults by workspace, reopened when the workspace's policy version changes, so a request
/// does not parse the policy and unwrap the workspace's keys again.
///
/// Whether the version changed is asked at most once a second per workspace: a new
/// policy applied by `custos policy apply` (another process) is in force for API calls within a
/// second, and a busy server does not read the version on every call.
///
/// A lock, not an actor: every API request asks, and an actor would make them queue to ask in
/// turn. A vault is opened outside the lock; two requests that miss at once both open it, and
/// the later replaces the earlier.
final class VaultCache: Sendable {
    private struct Entry {
        var version: Int
        var vault: Vault
        /// When the version was last confirmed, in uptime nanoseconds.
        var checkedAt: UInt64
    }

    private let installation: Installation
    private let vaults = Mutex<[UUID: Entry]>([:])
    /// How long a confirmed version is trusted.
    static let recheckAfter: UInt64 = 1_000_000_000

    init(installation: Installation) {
        self.installation = installation
    }

    /// The vault of the workspace with `id`, or nil when there is no such workspace.
    func vault(workspaceID id: UUID) async throws -> Vault? {
        let now = DispatchTime.now().uptimeNanoseconds
        if let cached = vaults.withLock({ $0[id] }) {
            if now &- cached.checkedAt < Self.recheckAfter { return cached.vault }
            if try await installation.currentPolicyVersionNumber(in: id) == cached.version {
                vaults.withLock { $0[id]?.checkedAt = now }
                return cached.vault
            }
        }
        guard let workspace = try await installation.workspace(id: id),
            let version = try await installation.currentPolicyVersion(in: workspace)
        else { return nil }
        let vault = try await installation.vault(workspace)
        vaults.withLock { $0[id] = Entry(version: version.number, vault: vault, checkedAt: now) }
        return vault
    }
}
