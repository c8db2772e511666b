import CustosCore
public import CustosStorage
public import Foundation

/// Replays erasures into a store that may have been restored from a copy made before them: each
/// journal entry the store does not hold yet is carried out again (the person's key destroyed,
/// their rows deleted, their identifiers tombstoned and addresses suppressed, or only the record
/// types erased; an erasure by retention without tombstone or suppression) and journaled, so a
/// restore never brings an erased person back. Entries the store holds already are left alone,
/// so replaying twice changes nothing more.
public struct ErasureReplay: Sendable {
    let store: any CustosStore
    public let keys: MasterKeySource

    public init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        self.keys = keys
        store.auditKeys.use(keys)
    }

    /// The erasure journal: every erasure the store has carried out, without personal data, to
    /// export before a restore.
    public func journal() async throws -> [ErasureJournalEntry] {
        try await store.erasureJournal()
    }

    /// Replays `entries` (a journal read before the restore, or exported); returns how many were
    /// carried out again. Entries of workspaces the store does not have are skipped.
    @discardableResult
    public func replay(_ entries: [ErasureJournalEntry], actor: String, at time: Date = Date()) async throws -> Int {
        var held = Set(try await store.erasureJournal().map(Self.key))
        var vaults: [UUID: Vault] = [:]
        var replayed = 0
        for entry in entries where held.insert(Self.key(entry)).inserted {
            guard let workspace = try await store.workspace(id: entry.workspaceID) else { continue }
            let vault: Vault
            if let open = vaults[workspace.id] {
                vault = open
            } else {
                vault = try await Vault.open(store: store, workspace: workspace, keys: keys)
                vaults[workspace.id] = vault
            }
            var changes = ChangeSet(workspaceID: workspace.id)
            let subject = try await store.subjects([entry.subjectID], in: workspace.id).first
            if let subject, subject.mergedInto == nil {
                if let types = entry.recordTypes {
                    changes.people.recordPartsRemovedOfTypes = [subject.id: types]
                    changes.audit = [
                        vault.event(
                            "subject.erase", actor: actor, at: time, reason: "re-applied after a restore",
                            subjectID: subject.id, detail: "record types erased: \(types.joined(separator: ", "))")
                    ]
                } else if entry.byRetention {
                    // The records ran their course: erased again as the sweep erased them, with
                    // no tombstone and no suppression.
                    changes.people.subjectUpdates = [.keyDestroyed(subject.id)]
                    changes.people.recordPartsRemoved = [subject.id]
                    changes.people.identifiersRemoved = [subject.id]
                    changes.audit = [
                        vault.event(
                            "retention.erase", actor: actor, at: time, reason: "re-applied after a restore",
                            subjectID: subject.id, detail: "every record's period had ended; key destroyed")
                    ]
                } else {
                    changes = try await vault.erasureChanges(
                        subject: subject.id, actor: actor, reason: "re-applied after a restore", at: time)
                }
                replayed += 1
            }
            changes.people.erasureJournal = [entry]
            try await store.apply(changes)
        }
        return replayed
    }

    /// What makes two entries the same erasure.
    private static func key(_ entry: ErasureJournalEntry) -> String {
        "\(entry.workspaceID) \(entry.subjectID) \(entry.recordTypes?.joined(separator: ",") ?? "*") \(entry.erasedAt.timeIntervalSince1970)"
    }
}
