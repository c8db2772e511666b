import CustosCore
public import CustosStorage
public import Foundation

/// Master-key rotation without downtime, with any number of servers running:
///
/// 1. a new key becomes current in the key file (the old one stays, for unwrapping);
/// 2. rotation waits until every server present (``ServerPresence``) reports the new key as the
///    one it wraps with, and until any other process has had time to read the keys again
///    (``MasterKeySource/wrappingFreshness``), so nothing new is wrapped with the old key after;
/// 3. every wrapped key in every workspace is wrapped again, in small transactions, until the
///    database holds nothing wrapped by the old key;
/// 4. the old key is retired from the key file, unless a backup still kept needs it (it is then
///    kept for unwrapping until that backup expires, and ``retireUnneededKeys(actor:)`` drops it).
///
/// Keys held in the environment or by a command cannot be written by Custos: there the new key is
/// added by whoever holds them (``MasterKey/generate()`` through `custos keys new`), and
/// ``rewrap(actor:wait:progress:)`` does steps 2 and 3 and says which keys may be removed.
///
/// Interrupted, it can simply be run again: each rewrap is its own transaction, and whatever is
/// not yet under the current key is picked up.
public struct KeyRotation: Sendable {
    let store: any CustosStore
    public let keys: MasterKeySource
    /// How many subject keys are rewrapped per transaction.
    public var batchSize = 1000
    /// How long rotation waits, after the new key is current, for processes that report nothing
    /// (commands) to read the keys again before it rewraps.
    public var settle: Duration = .seconds(MasterKeySource.wrappingFreshness + 1)

    public init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        self.keys = keys
        store.auditKeys.use(keys)
    }

    /// What a rotation did.
    public struct Summary: Sendable, Hashable {
        public var newKeyID: String
        /// Keys retired from the key file (or, with keys Custos cannot write, that may be removed
        /// where they are held).
        public var retiredKeyIDs: [String] = []
        /// Keys kept for unwrapping because a backup still kept needs them, with the day the last
        /// such backup expires.
        public var keptForBackups: [String: Date] = [:]
        public var workspaceKeys = 0
        public var subjectKeys = 0
        /// The servers that reported the new key before rewrapping began.
        public var servers: [String] = []
    }

    /// Why a rotation stopped before rewrapping.
    public struct ServersBehind: Error, CustomStringConvertible, Sendable {
        public var keyID: String
        public var servers: [String]
        public var description: String {
            """
            error: \(servers.count == 1 ? "server" : "servers") \(servers.joined(separator: ", ")) did not report master \
            key \(keyID) in time, so nothing was rewrapped and no key retired (nothing is lost: the new key is \
            current and the old one still opens everything). Check that every server can read the keys, then run \
            the command again with --resume.
            """
        }
    }

    /// Makes a new master key current (unless `resume` and an unfinished rotation left one),
    /// waits up to `wait` for every server to hold it, rewraps everything, and retires the old
    /// keys that no kept backup needs. `progress` is told the subject keys done.
    public func rotate(
        actor: String, resume: Bool = false, wait: Duration = .seconds(120),
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
        let ring = try keys.update { ring in
            if !(resume && ring.keys.count > 1) { ring = ring.addingNewCurrent(MasterKey.generate()) }
        }
        var summary = try await rewrap(actor: actor, ring: ring, wait: wait, progress: progress)
        let kept = try await keptForBackups(summary.retiredKeyIDs)
        summary.keptForBackups = kept
        summary.retiredKeyIDs.removeAll { kept[$0] != nil }
        let retiring = Set(summary.retiredKeyIDs)
        try keys.update { $0 = $0.retiring(retiring) }
        try await auditRotation(summary, actor: actor)
        return summary
    }

    /// Rewraps everything under the current key of the keys as they are now (after a new key was
    /// added where they are held), once every server reports it, and says which older keys may
    /// then be removed there (``Summary/retiredKeyIDs``) and which must stay for backups.
    public func rewrap(
        actor: String, wait: Duration = .seconds(120), progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Summary {
        var summary = try await rewrap(actor: actor, ring: try keys.reload(), wait: wait, progress: progress)
        summary.keptForBackups = try await keptForBackups(summary.retiredKeyIDs)
        summary.retiredKeyIDs.removeAll { summary.keptForBackups[$0] != nil }
        try await auditRotation(summary, actor: actor)
        return summary
    }

    /// Removes from the key file the earlier keys that nothing in the database and no kept backup
    /// needs any more (kept by a rotation for a backup that has since expired). Returns them.
    public func retireUnneededKeys(actor: String) async throws -> [String] {
        let ring = try keys.reload()
        let inUse = try await store.masterKeyIDsInUse()
        let kept = try await keptForBackups(ring.keys.dropFirst().map(\.id))
        let retiring = Set(ring.keys.dropFirst().map(\.id).filter { !inUse.contains($0) && kept[$0] == nil })
        guard !retiring.isEmpty else { return [] }
        try keys.update { $0 = $0.retiring(retiring) }
        try await store.apply(
            .auditOnly([
                AuditEvent(
                    workspaceID: nil, time: Date(), actor: actor, action: "keys.retire",
                    detail: "retired \(retiring.sorted().joined(separator: ", ")), which no backup kept needs")
            ]))
        return retiring.sorted()
    }

    /// Steps 2 and 3 under `ring`.
    private func rewrap(
        actor: String, ring: MasterKeyRing, wait: Duration, progress: @Sendable (Int) -> Void
    ) async throws -> Summary {
        let current = ring.current
        var summary = Summary(newKeyID: current.id, retiredKeyIDs: ring.keys.dropFirst().map(\.id))
        summary.servers = try await awaitServers(holding: current.id, wait: wait)
        // A write that wrapped with the old key just before its server read the new one may
        // commit while the first pass runs: passes repeat until nothing is left.
        for _ in 0..<5 {
            try await rewrapPass(ring: ring, into: &summary, progress: progress)
            let left = try await store.masterKeyIDsInUse().subtracting([current.id])
            if left.isEmpty { return summary }
            try await Task.sleep(for: .seconds(1))
        }
        throw CryptoFailure(
            "keys wrapped by an earlier master key keep being written; no key was retired. Check every server and process runs this version, then run the command again with --resume"
        )
    }

    /// Waits until every server present reports `keyID` as the key it wraps with, and until
    /// processes that report nothing (commands) have read the keys again. Returns the servers.
    private func awaitServers(holding keyID: String, wait: Duration) async throws -> [String] {
        let start = ContinuousClock.now
        let settled = start + settle
        while true {
            let present = try await store.serversPresent(seenWithin: ServerPresenceReporter.window)
            let behind = present.filter { $0.currentKeyID != keyID }
            if behind.isEmpty, ContinuousClock.now >= settled { return present.map(\.name) }
            if ContinuousClock.now - start > wait, !behind.isEmpty {
                throw ServersBehind(keyID: keyID, servers: behind.map(\.name))
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Wraps again, under `ring`'s current key, every workspace and subject key wrapped by another.
    private func rewrapPass(
        ring: MasterKeyRing, into summary: inout Summary, progress: @Sendable (Int) -> Void
    ) async throws {
        let current = ring.current
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
    }

    /// Of `keyIDs`, those a backup still kept needs, with the day the last such backup expires.
    private func keptForBackups(_ keyIDs: [String]) async throws -> [String: Date] {
        var kept: [String: Date] = [:]
        for backup in try await store.backupsKept(at: Date()) {
            for id in backup.masterKeyIDs where keyIDs.contains(id) {
                kept[id] = max(kept[id] ?? backup.keepUntil, backup.keepUntil)
            }
        }
        return kept
    }

    private func auditRotation(_ summary: Summary, actor: String) async throws {
        let kept = summary.keptForBackups.keys.sorted()
        try await store.apply(
            .auditOnly([
                AuditEvent(
                    workspaceID: nil, time: Date(), actor: actor, action: "keys.rotate",
                    detail: """
                        master key \(summary.newKeyID) now current on \(summary.servers.count) servers; \
                        \(summary.workspaceKeys) workspace keys and \(summary.subjectKeys) subject keys rewrapped; \
                        retired \(summary.retiredKeyIDs.isEmpty ? "none" : summary.retiredKeyIDs.joined(separator: ", "))\
                        \(kept.isEmpty ? "" : "; kept for backups \(kept.joined(separator: ", "))")
                        """)
            ]))
    }
}
