import CustosCore
public import CustosStorage
import Foundation

/// Master-key rotation without downtime: a new key becomes current in the key file (the old one
/// stays for unwrapping), every wrapped key in every workspace is wrapped again in small
/// transactions while the system keeps running, and then the old key is dropped from the file.
/// Running servers re-read the key file when they meet the new key's id.
///
/// Interrupted, it can simply be run again: each rewrap is its own transaction, and whatever is
/// not yet under the current key is picked up.
public struct KeyRotation: Sendable {
    let store: any CustosStore
    public let keys: MasterKeySource
    /// How many subject keys are rewrapped per transaction.
    public var batchSize = 1000

    public init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        self.keys = keys
        store.auditKeys.use(keys)
    }

    /// What a rotation did.
    public struct Summary: Sendable, Hashable {
        public var newKeyID: String
        public var retiredKeyIDs: [String]
        public var workspaceKeys = 0
        public var subjectKeys = 0
    }

    /// Makes a new master key current (unless `resume` and an unfinished rotation left one),
    /// rewraps everything, and retires the old keys. `progress` is told the subject keys done.
    public func rotate(
        actor: String, resume: Bool = false, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
        let ring = try keys.update { ring in
            if !(resume && ring.keys.count > 1) { ring = ring.addingNewCurrent(MasterKey.generate()) }
        }
        let current = ring.current
        var summary = Summary(newKeyID: current.id, retiredKeyIDs: ring.keys.dropFirst().map(\.id))
        for workspace in try await store.workspaces() {
            var changes = ChangeSet(workspaceID: workspace.id)
            for (purposeName, wrapped) in try await store.workspaceSecrets(in: workspace.id)
            where wrapped.masterKeyID != current.id {
                guard let purpose = WorkspaceSecrets.Purpose(rawValue: purposeName) else { continue }
                let context = WorkspaceSecrets.wrapContext(workspaceID: workspace.id, purpose: purpose)
                let secret = try ring.unwrap(wrapped, context: context, what: "the workspace's \(purposeName) key")
                changes.people.rewrappedSecrets[purposeName] = try current.wrap(secret, context: context)
                summary.workspaceKeys += 1
            }
            if !changes.people.rewrappedSecrets.isEmpty { try await store.apply(changes) }
            while true {
                let batch = try await store.subjectKeys(
                    notWrappedBy: current.id, in: workspace.id, limit: batchSize)
                if batch.isEmpty { break }
                var changes = ChangeSet(workspaceID: workspace.id)
                for (subjectID, wrapped) in batch {
                    let context = SubjectKey.wrapContext(workspaceID: workspace.id, subjectID: subjectID)
                    let key = try ring.unwrap(wrapped, context: context, what: "the data key of subject \(subjectID)")
                    changes.people.subjectUpdates.append(.rewrapped(subjectID, try current.wrap(key, context: context)))
                }
                try await store.apply(changes)
                summary.subjectKeys += batch.count
                progress(summary.subjectKeys)
            }
        }
        try await store.apply(
            .auditOnly([
                AuditEvent(
                    workspaceID: nil, time: Date(), actor: actor, action: "keys.rotate",
                    detail: """
                        master key \(current.id) now current; \(summary.workspaceKeys) workspace keys and \
                        \(summary.subjectKeys) subject keys rewrapped; retired \(summary.retiredKeyIDs.joined(separator: ", "))
                        """)
            ]))
        try keys.update { $0 = $0.withoutPreviousKeys() }
        return summary
    }
}
