import CustosCore
import CustosStore
import Foundation

/// Open vaults by workspace, reopened when the workspace's policy version changes, so a request
/// does not parse the policy and unwrap the workspace's keys again.
actor VaultCache {
    private let store: any CustosStore
    private let keys: MasterKeySource
    private var vaults: [UUID: (version: Int, vault: Vault)] = [:]

    init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        self.keys = keys
    }

    /// The vault of the workspace with `id`, or nil when there is no such workspace.
    func vault(workspaceID id: UUID) async throws -> Vault? {
        if let cached = vaults[id],
            try await store.currentPolicyVersion(in: cached.vault.workspace)?.number == cached.version
        {
            return cached.vault
        }
        guard let workspace = try await store.workspace(id: id),
            let version = try await store.currentPolicyVersion(in: workspace)
        else { return nil }
        let vault = try await Vault.open(store: store, workspace: workspace, keys: keys)
        vaults[id] = (version.number, vault)
        return vault
    }
}
