import Crypto
import CustosCore
public import CustosStorage
public import Foundation

/// People by name: the name shown for a person, a search by name through the blind index of
/// names' words, and people who may be one person twice (the same whole name at the same
/// school). The index holds keyed hashes only (``RecordPartNames``); what it reveals is set out
/// in docs/operations.md ("What the name index reveals").
extension Vault {
    /// How `views` (one person's opened parts) name their person: the newest part whose record
    /// type names its role (``RecordType/displayNameFields(of:)``); nil when none does.
    public func displayName(of views: [RecordView]) -> String? {
        for view in views.sorted(by: { $0.updatedAt > $1.updatedAt }) {
            guard let type = policy.recordType(view.type),
                let name = DisplayName.of(view.values, type: type, role: view.role)
            else { continue }
            return name
        }
        return nil
    }

    /// The people `access` reaches whose names hold every word of `name` (case, accents and
    /// honorifics aside; whole words only), oldest first, at most `limit`. Ids and keyed hashes
    /// only: nothing is opened here. The search is audited for `actor` (how many were found,
    /// never the words). Empty for a name with no words.
    public func subjects(
        named name: String, reachableBy access: StaffAccess, actor: String, limit: Int = 100, at time: Date = Date()
    ) async throws -> [StoredSubject] {
        let words = DisplayName.words(name)
        guard !words.isEmpty, access.role != .schoolLeader || access.schoolID != nil else { return [] }
        let ids = try await store.subjectIDs(
            namedWithAll: words.map { indexer.index(kind: Self.nameWordKind, value: $0) },
            atSchool: access.role == .schoolLeader ? access.schoolID : nil, in: workspace.id,
            limit: access.role == .trainer ? 10 * limit : limit)
        let order = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let found = try await subjects(ids, reachableBy: access).sorted {
            order[$0.id, default: 0] < order[$1.id, default: 0]
        }
        .prefix(limit)
        try await audit([event("subject.search", actor: actor, at: time, detail: "by name: \(found.count) found")])
        return Array(found)
    }

    /// Groups of people who may be one person twice: the same whole name at the same school, or
    /// both at none (ASHE's PA named in a booking and again as a head's contact), or sharing an
    /// identifier; oldest first within a group. Only the groups `subjectID` is in, when given.
    public func possibleDuplicates(of subjectID: UUID? = nil) async throws -> [[UUID]] {
        var groups = try await store.sharedNames(in: workspace.id, including: subjectID)
        if let subjectID {
            groups = groups.filter { $0.contains(subjectID) }
            let identifiers = Set(try await store.identifiers(ofSubject: subjectID, in: workspace.id).map(\.index))
            if !identifiers.isEmpty {
                let sharing = try await store.subjectIDs(forIndexes: Array(identifiers), in: workspace.id)
                let others = Set(sharing.values.flatMap { $0 }).subtracting([subjectID])
                if !others.isEmpty {
                    let live = try await store.subjects(Array(others), in: workspace.id).filter {
                        $0.mergedInto == nil && $0.key != nil
                    }
                    groups.append(
                        [subjectID]
                            + live.sorted { ($0.createdAt, $0.id.uuidString) < ($1.createdAt, $1.id.uuidString) }.map(
                                \.id))
                }
            }
        } else {
            groups += try await store.sharedIdentifiers(in: workspace.id)
        }
        // One group per set of people, in the order first found.
        var seen: Set<Set<UUID>> = []
        return groups.filter { $0.count > 1 && seen.insert(Set($0)).inserted }
    }

    /// Indexes the names of every person already held (records written before names were
    /// indexed, or after the policy's `display_name` changed), `batchSize` people at a time, and
    /// audits it as one entry. Returns how many parts were indexed.
    @discardableResult
    public func indexNames(actor: String, batchSize: Int = 500, at time: Date = Date()) async throws -> Int {
        let types = policy.recordTypes.map(\.id)
        let ids = try await store.subjectIDs(withRecordsOfTypes: types, in: workspace.id)
        var indexed = 0
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            var keys: [UUID: SymmetricKey] = [:]
            for subject in try await store.subjects(batch, in: workspace.id) where subject.key != nil {
                keys[subject.id] = try dataKey(of: subject)
            }
            var changes = ChangeSet(workspaceID: workspace.id)
            for var part in try await store.recordParts(ofSubjects: batch, in: workspace.id) {
                guard let key = keys[part.subjectID], let type = policy.recordType(part.type) else { continue }
                let view = try open(part, key: key)
                part.names = nameIndex(of: view.values, type: type, role: part.role, replacing: true)
                changes.people.recordParts.append(part)
                indexed += 1
            }
            try await store.apply(changes)
        }
        try await audit([
            event("names.index", actor: actor, at: time, detail: "\(indexed) record parts of \(ids.count) people")
        ])
        return indexed
    }
}
