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

    /// An erasure request's place in the register, read before a restore so that the restored
    /// database keeps it: the request with its certificate, its history and its tasks (telling
    /// the recipients). Ids, dates, the certificate and sealed text only: no personal data.
    public struct ErasureRegisterEntry: Sendable {
        let request: StoredRequest
        let events: [StoredRequestEvent]
        let tasks: [StoredTask]
    }

    /// The register entries of the erasure requests `entries` carried out, as this store holds them.
    public func registerEntries(for entries: [ErasureJournalEntry]) async throws -> [ErasureRegisterEntry] {
        var kept: [ErasureRegisterEntry] = []
        var tasksByWorkspace: [UUID: [StoredTask]] = [:]
        for entry in entries {
            guard let id = entry.requestID, let request = try await store.request(id, in: entry.workspaceID) else {
                continue
            }
            if tasksByWorkspace[entry.workspaceID] == nil {
                tasksByWorkspace[entry.workspaceID] = try await store.tasks(in: entry.workspaceID, includingDone: true)
            }
            kept.append(
                ErasureRegisterEntry(
                    request: request, events: try await store.requestEvents(of: id, in: entry.workspaceID),
                    tasks: (tasksByWorkspace[entry.workspaceID] ?? []).filter { $0.requestID == id }))
        }
        return kept
    }

    /// Puts back the register entries the store lacks or holds as they were before (a restore of
    /// a copy made before the requests were carried out, or while they were open); returns how
    /// many. Each is audited as `request.restored`.
    @discardableResult
    public func restore(_ register: [ErasureRegisterEntry], actor: String, at time: Date = Date()) async throws -> Int {
        var restored = 0
        for entry in register {
            let request = entry.request
            guard try await store.workspace(id: request.workspaceID) != nil else { continue }
            var changes = ChangeSet(workspaceID: request.workspaceID)
            // A copy made while the request was open holds it open: the steps taken since, the
            // certificate and the tasks are put back beside what it holds.
            var events = entry.events
            var tasks = entry.tasks
            if let held = try await store.request(request.id, in: request.workspaceID) {
                guard held.state != request.state || held.outcome != request.outcome else { continue }
                let heldEvents = try await store.requestEvents(of: request.id, in: request.workspaceID)
                events = Array(entry.events.dropFirst(heldEvents.count))
                let heldTasks = Set(try await store.tasks(in: request.workspaceID, includingDone: true).map(\.id))
                tasks = entry.tasks.filter { !heldTasks.contains($0.id) }
            } else {
                changes.requests.opened = [request]
            }
            changes.requests.events = events
            changes.requests.updates = [
                RequestUpdate(
                    requestID: request.id, state: request.state, dueOn: request.dueOn, outcome: request.outcome)
            ]
            changes.tasks.opened = tasks.map { task in
                var open = task
                open.doneOn = nil
                open.doneBy = nil
                open.note = nil
                return open
            }
            changes.tasks.completions = tasks.compactMap { task in
                guard let day = task.doneOn else { return nil }
                return TaskCompletion(taskID: task.id, on: day, by: task.doneBy ?? actor, note: task.note ?? "")
            }
            changes.audit = [
                AuditEvent(
                    workspaceID: request.workspaceID, time: time, actor: actor, action: "request.restored",
                    subjectID: request.subjectID,
                    detail:
                        "request \(request.id) (\(request.kind.rawValue)) and its certificate kept across a restore; \(entry.tasks.count) tasks"
                )
            ]
            try await store.apply(changes)
            restored += 1
        }
        return restored
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
