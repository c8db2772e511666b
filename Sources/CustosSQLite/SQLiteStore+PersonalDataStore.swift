public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    public func apply(_ changes: ChangeSet) async throws {
        let chainKey = changes.audit.isEmpty ? nil : try auditKeys.current()
        try await pool.write { db in try Self.apply(changes, db, chainKey: chainKey) }
    }

    /// Writes a change set inside the current transaction, its audit entries keyed under `chainKey`.
    static func apply(_ changes: ChangeSet, _ db: Database, chainKey: AuditChainKey?) throws {
        let workspace = changes.workspaceID.uuidString
        // A change set's rows share a few times; GRDB formats each date with a DateFormatter, which
        // is slow on Linux, so each distinct time is formatted once.
        var formatted: [Date: DatabaseValue] = [:]
        func stored(_ date: Date) -> DatabaseValue {
            if let value = formatted[date] { return value }
            let value = date.databaseValue
            formatted[date] = value
            return value
        }
        if !changes.people.secrets.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO workspace_secret (workspace_id, purpose, master_key_id, sealed) VALUES (?, ?, ?, ?)
                    ON CONFLICT (workspace_id, purpose) DO NOTHING
                    """)
            for (purpose, key) in changes.people.secrets {
                try statement.execute(arguments: [workspace, purpose, key.masterKeyID, key.sealed])
            }
        }
        for (purpose, key) in changes.people.rewrappedSecrets {
            try db.execute(
                sql: "UPDATE workspace_secret SET master_key_id = ?, sealed = ? WHERE workspace_id = ? AND purpose = ?",
                arguments: [key.masterKeyID, key.sealed, workspace, purpose])
        }
        if !changes.people.schools.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO school (id, workspace_id, name, urn, la_code) VALUES (?, ?, ?, ?, ?)")
            for school in changes.people.schools {
                try statement.execute(arguments: [school.id, workspace, school.name, school.urn, school.laCode])
            }
        }
        if !changes.people.subjects.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO subject (id, workspace_id, kind, school_id, master_key_id, wrapped_key, created_at,
                    last_activity_at, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for subject in changes.people.subjects {
                try statement.execute(arguments: [
                    subject.id, workspace, subject.kind, subject.schoolID, subject.key?.masterKeyID,
                    subject.key?.sealed, stored(subject.createdAt), stored(subject.lastActivityAt), subject.mergedInto,
                ])
            }
        }
        for update in changes.people.subjectUpdates {
            try applySubjectUpdate(update, workspace: workspace, db, stored: stored)
        }
        for subjectID in changes.people.recordPartsRemoved {
            for table in ["record_part", "record_part_version", "record_statement"] {
                try db.cachedStatement(
                    literal:
                        "DELETE FROM \(identifier: table) WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)"
                ).execute()
            }
        }
        for (subjectID, types) in changes.people.recordPartsRemovedOfTypes {
            for type in types {
                for table in ["record_part", "record_part_version", "record_statement"] {
                    try db.cachedStatement(
                        literal: """
                            DELETE FROM \(identifier: table)
                            WHERE workspace_id = \(workspace) AND subject_id = \(subjectID) AND type = \(type)
                            """
                    ).execute()
                }
            }
        }
        for (subjectID, records) in changes.people.recordPartsRemovedOfRecords {
            for record in records {
                for table in ["record_part", "record_part_version", "record_statement"] {
                    try db.cachedStatement(
                        literal: """
                            DELETE FROM \(identifier: table)
                            WHERE workspace_id = \(workspace) AND subject_id = \(subjectID) AND record_id = \(record)
                            """
                    ).execute()
                }
            }
        }
        for statement in changes.people.recordStatements {
            try db.execute(
                sql: """
                    INSERT INTO record_statement (id, workspace_id, record_id, type, subject_id, request_id, sealed,
                    added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    statement.id, workspace, statement.recordID, statement.type, statement.subjectID,
                    statement.requestID, statement.sealed, stored(statement.addedAt),
                ])
        }
        for part in changes.people.recordPartVersions {
            try db.cachedStatement(
                sql: """
                    INSERT INTO record_part_version (record_id, role, workspace_id, type, subject_id, source_kind,
                    source_name, created_at, updated_at, sealed, reidentification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                part.recordID, part.role, workspace, part.type, part.subjectID, part.source.kind.rawValue,
                part.source.name, stored(part.createdAt), stored(part.updatedAt), part.sealed, part.reidentification,
            ])
        }
        for subjectID in changes.people.identifiersRemoved {
            try db.cachedStatement(sql: "DELETE FROM subject_identifier WHERE workspace_id = ? AND subject_id = ?")
                .execute(arguments: [workspace, subjectID])
        }
        if !changes.people.identifiers.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """)
            for identifier in changes.people.identifiers {
                try statement.execute(arguments: [workspace, identifier.index, identifier.subjectID, identifier.kind])
            }
        }
        if !changes.people.recordParts.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, source_name,
                    created_at, updated_at, sealed, reidentification, event_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (record_id, role) DO UPDATE SET subject_id = excluded.subject_id,
                    source_kind = excluded.source_kind, source_name = excluded.source_name,
                    updated_at = excluded.updated_at, sealed = excluded.sealed,
                    reidentification = excluded.reidentification, event_index = excluded.event_index
                    WHERE record_part.workspace_id = excluded.workspace_id AND record_part.type = excluded.type
                    """)
            for part in changes.people.recordParts {
                try statement.execute(arguments: [
                    part.recordID, part.role, workspace, part.type, part.subjectID, part.source.kind.rawValue,
                    part.source.name, stored(part.createdAt), stored(part.updatedAt), part.sealed,
                    part.reidentification, part.eventIndex,
                ])
            }
        }
        if !changes.people.tombstones.isEmpty {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO tombstone (workspace_id, blind_index) VALUES (?, ?) ON CONFLICT DO NOTHING")
            for index in changes.people.tombstones { try statement.execute(arguments: [workspace, index]) }
        }
        for entry in changes.people.erasureJournal {
            try db.cachedStatement(
                sql: """
                    INSERT INTO erasure_journal (workspace_id, subject_id, record_types, erased_at, request_id,
                    by_retention) VALUES (?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                entry.workspaceID.uuidString, entry.subjectID, try NameListColumn.encoded(entry.recordTypes),
                entry.erasedAt, entry.requestID, entry.byRetention,
            ])
        }
        for token in changes.accessTokens.issued {
            try db.execute(
                sql: """
                    INSERT INTO access_token (id, workspace_id, name, role, school_id, secret_hash, created_at,
                    created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.id, workspace, token.name, token.role.rawValue, token.schoolID, token.secretHash,
                    token.createdAt, token.createdBy,
                ])
        }
        for (id, time) in changes.accessTokens.revoked {
            try db.execute(
                sql: """
                    UPDATE access_token SET revoked_at = ? WHERE id = ? AND workspace_id = ? AND revoked_at IS NULL
                    """, arguments: [time, id, workspace])
        }
        try applyContactChanges(changes.contact, workspace: workspace, db, stored: stored)
        try applyMessageChanges(changes.messages, workspace: workspace, db, stored: stored)
        try applyRequestChanges(changes.requests, workspace: workspace, db, stored: stored)
        try applyTaskChanges(changes.tasks, workspace: workspace, db)
        try applyLegalHoldChanges(changes.legalHolds, workspace: workspace, db)
        try applyRetentionChanges(changes.retention, workspace: workspace, db)
        try applyComplaintChanges(changes.complaints, workspace: workspace, db)
        try applyBreachChanges(changes.breaches, workspace: workspace, db)
        try applyDisclosureChanges(changes.disclosures, workspace: workspace, db)
        try applyStaffUserChanges(changes.staffUsers, workspace: workspace, db)
        try applyRegistrationChanges(changes.registrations, workspace: workspace, db)
        try appendAudit(changes.audit, db, chainKey: chainKey)
    }

    private static func applySubjectUpdate(
        _ update: SubjectUpdate, workspace: String, _ db: Database, stored: (Date) -> DatabaseValue
    ) throws {
        switch update {
        case .lastActivity(let id, let date):
            try db.cachedStatement(
                sql: """
                    UPDATE subject SET last_activity_at = max(last_activity_at, ?) WHERE id = ? AND workspace_id = ?
                    """
            ).execute(arguments: [stored(date), id, workspace])
        case .school(let id, let schoolID):
            try db.cachedStatement(sql: "UPDATE subject SET school_id = ? WHERE id = ? AND workspace_id = ?")
                .execute(arguments: [schoolID, id, workspace])
        case .mergedInto(let id, let survivor):
            try db.execute(
                sql: """
                    UPDATE subject SET merged_into = ?, master_key_id = NULL, wrapped_key = NULL
                    WHERE id = ? AND workspace_id = ?
                    """, arguments: [survivor, id, workspace])
        case .keyDestroyed(let id):
            // Cached: a retention sweep destroys thousands of keys in one transaction.
            try db.cachedStatement(
                sql: "UPDATE subject SET master_key_id = NULL, wrapped_key = NULL WHERE id = ? AND workspace_id = ?"
            ).execute(arguments: [id, workspace])
        case .rewrapped(let id, let key):
            try db.execute(
                sql: """
                    UPDATE subject SET master_key_id = ?, wrapped_key = ?
                    WHERE id = ? AND workspace_id = ? AND wrapped_key IS NOT NULL
                    """, arguments: [key.masterKeyID, key.sealed, id, workspace])
        }
    }

    /// Appends events to the chain after the recorded head, keyed under `chainKey`; the write
    /// transaction serialises appends. The first keyed entry is recorded as where keying began.
    private static func appendAudit(_ events: [AuditEvent], _ db: Database, chainKey: AuditChainKey?) throws {
        guard !events.isEmpty else { return }
        let row = try Row.fetchOne(db, sql: "SELECT sequence, hash, keyed_from FROM audit_head WHERE id = 1")
        let head = row.map { (sequence: $0["sequence"] as Int64, hash: $0["hash"] as Data) }
        let keyedFrom = row?["keyed_from"] as Int64?
        if chainKey == nil, keyedFrom != nil { throw StoreError.auditKeyNeeded }
        let entries = AuditChain.append(events, after: head, key: chainKey)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO audit_entry (sequence, workspace_id, time_ms, actor, action, purpose, reason, subject_id,
                record_id, detail, previous_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for entry in entries {
            let event = entry.event
            try statement.execute(arguments: [
                entry.sequence, event.workspaceID?.uuidString, event.milliseconds, event.actor, event.action,
                event.purpose, event.reason, event.subjectID, event.recordID, event.detail, entry.previousHash,
                entry.hash, entry.keyID,
            ])
        }
        if let first = entries.first, let last = entries.last {
            let startsKeying = chainKey != nil && keyedFrom == nil
            try db.execute(
                sql: """
                    INSERT INTO audit_head (id, sequence, hash, keyed_from) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                    keyed_from = coalesce(audit_head.keyed_from, excluded.keyed_from)
                    """, arguments: [last.sequence, last.hash, startsKeying ? first.sequence : nil])
        }
    }

    public func workspaceSecrets(in workspaceID: UUID) async throws -> [String: WrappedKey] {
        try await pool.read { db in
            var secrets: [String: WrappedKey] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT purpose, master_key_id, sealed FROM workspace_secret WHERE workspace_id = ?",
                arguments: [workspaceID.uuidString])
            {
                secrets[row["purpose"]] = WrappedKey(masterKeyID: row["master_key_id"], sealed: row["sealed"])
            }
            return secrets
        }
    }

    public func subjectIDs(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: [UUID]] {
        guard !indexes.isEmpty else { return [:] }
        return try readNow { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
                    WHERE i.workspace_id = ? AND i.blind_index = ? ORDER BY s.created_at, s.id
                    """)
            var result: [Data: [UUID]] = [:]
            for index in Set(indexes) {
                let ids = try UUID.fetchAll(statement, arguments: [workspaceID.uuidString, index])
                if !ids.isEmpty { result[index] = ids }
            }
            return result
        }
    }

    public func tombstoned(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data> {
        guard !indexes.isEmpty else { return [] }
        return try readNow { db in
            let statement = try db.cachedStatement(
                sql: "SELECT 1 FROM tombstone WHERE workspace_id = ? AND blind_index = ?")
            var result: Set<Data> = []
            for index in Set(indexes)
            where try Bool.fetchOne(statement, arguments: [workspaceID.uuidString, index]) != nil {
                result.insert(index)
            }
            return result
        }
    }

    public func subjects(_ ids: [UUID], in workspaceID: UUID) async throws -> [StoredSubject] {
        guard !ids.isEmpty else { return [] }
        return try readNow { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM subject WHERE id = ? AND workspace_id = ?")
            return try ids.compactMap { id in
                try Row.fetchOne(statement, arguments: [id, workspaceID.uuidString]).map(Self.subject)
            }
        }
    }

    public func subjectIDs(attending eventIndexes: [Data], in workspaceID: UUID) async throws -> [UUID] {
        guard !eventIndexes.isEmpty else { return [] }
        return try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT DISTINCT subject_id FROM record_part WHERE workspace_id = \(workspaceID.uuidString)
                    AND event_index IN \(eventIndexes)
                    ORDER BY subject_id
                    """
            ).fetchAll(db)
        }
    }

    public func subjectIDs(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> [UUID] {
        try await pool.read { db in
            try UUID.fetchAll(
                db,
                sql: """
                    SELECT id FROM subject WHERE workspace_id = ? AND school_id = ? AND merged_into IS NULL
                    ORDER BY created_at, id
                    """, arguments: [workspaceID.uuidString, schoolID])
        }
    }

    public func identifiers(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredIdentifier] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT blind_index, kind, subject_id FROM subject_identifier
                        WHERE workspace_id = ? AND subject_id = ? ORDER BY kind
                        """), arguments: [workspaceID.uuidString, subjectID]
            ).map { StoredIdentifier(index: $0["blind_index"], kind: $0["kind"], subjectID: $0["subject_id"]) }
        }
    }

    public func sharedIdentifiers(in workspaceID: UUID) async throws -> [[UUID]] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.blind_index, i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
                    WHERE i.workspace_id = ? AND i.blind_index IN (
                        SELECT blind_index FROM subject_identifier WHERE workspace_id = ?
                        GROUP BY blind_index HAVING count(*) > 1)
                    ORDER BY i.blind_index, s.created_at, s.id
                    """, arguments: [workspaceID.uuidString, workspaceID.uuidString])
            return SharedIdentifierGroups.groups(rows.map { ($0["blind_index"] as Data, $0["subject_id"] as UUID) })
        }
    }

    public func recordParts(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [StoredRecordPart] {
        guard !subjectIDs.isEmpty else { return [] }
        return try readNow { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT * FROM record_part WHERE subject_id = ? AND workspace_id = ?
                    ORDER BY created_at, record_id, role
                    """)
            return try subjectIDs.flatMap { id in
                try Row.fetchAll(statement, arguments: [id, workspaceID.uuidString]).map(Self.part)
            }
        }
    }

    public func recordParts(ofRecord recordID: UUID, in workspaceID: UUID) async throws -> [StoredRecordPart] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM record_part WHERE record_id = ? AND workspace_id = ? ORDER BY role"),
                arguments: [recordID, workspaceID.uuidString]
            ).map(Self.part)
        }
    }

    public func recordStatements(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordStatement] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql:
                        "SELECT * FROM record_statement WHERE subject_id = ? AND workspace_id = ? ORDER BY added_at, rowid"
                ), arguments: [subjectID, workspaceID.uuidString]
            ).map { row in
                StoredRecordStatement(
                    id: row["id"], recordID: row["record_id"], type: row["type"], subjectID: row["subject_id"],
                    requestID: row["request_id"], sealed: row["sealed"], addedAt: row["added_at"])
            }
        }
    }

    public func recordPartVersions(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordPart] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT * FROM record_part_version WHERE subject_id = ? AND workspace_id = ? ORDER BY sequence"
                ), arguments: [subjectID, workspaceID.uuidString]
            ).map(Self.part)
        }
    }

    public func latestRecordIDs(
        ofType type: String, role: String, subjects: [UUID], in workspaceID: UUID
    ) async throws -> [UUID: UUID] {
        guard !subjects.isEmpty else { return [:] }
        return try await pool.read { db in
            let statement = try db.cachedStatement(
                sql: """
                    SELECT record_id FROM record_part
                    WHERE subject_id = ? AND type = ? AND role = ? AND workspace_id = ?
                    ORDER BY created_at DESC, record_id DESC LIMIT 1
                    """)
            var result: [UUID: UUID] = [:]
            for subject in Set(subjects) {
                if let id = try UUID.fetchOne(statement, arguments: [subject, type, role, workspaceID.uuidString]) {
                    result[subject] = id
                }
            }
            return result
        }
    }

    public func schools(in workspaceID: UUID) async throws -> [School] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM school WHERE workspace_id = ? ORDER BY name, urn",
                arguments: [workspaceID.uuidString]
            ).map { row in
                School(
                    id: row["id"], workspaceID: workspaceID, name: row["name"], urn: row["urn"],
                    laCode: row["la_code"])
            }
        }
    }

    public func subjectKeys(
        notWrappedBy masterKeyID: String, in workspaceID: UUID, limit: Int
    ) async throws -> [(UUID, WrappedKey)] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, master_key_id, wrapped_key FROM subject
                    WHERE workspace_id = ? AND wrapped_key IS NOT NULL AND master_key_id <> ? LIMIT ?
                    """, arguments: [workspaceID.uuidString, masterKeyID, limit]
            ).map { ($0["id"], WrappedKey(masterKeyID: $0["master_key_id"], sealed: $0["wrapped_key"])) }
        }
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence, limit]
            ).map(Self.auditEntry)
        }
    }

    public func auditEntries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM audit_entry WHERE workspace_id = ? AND subject_id = ? ORDER BY sequence DESC LIMIT ?
                    """, arguments: [workspaceID.uuidString, subjectID, limit]
            ).map(Self.auditEntry)
        }
    }

    public func auditKeyedFrom() async throws -> Int64? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT keyed_from FROM audit_head WHERE id = 1")
        }
    }

    public func auditHead() async throws -> (sequence: Int64, hash: Data)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1").map {
                (sequence: $0["sequence"], hash: $0["hash"])
            }
        }
    }

    // MARK: Rows

    static func subject(_ row: Row) throws -> StoredSubject {
        let keyID: String? = row["master_key_id"]
        let sealed: Data? = row["wrapped_key"]
        return StoredSubject(
            id: row["id"], workspaceID: try uuid(row["workspace_id"]), kind: row["kind"], schoolID: row["school_id"],
            key: keyID.flatMap { id in sealed.map { WrappedKey(masterKeyID: id, sealed: $0) } },
            createdAt: row["created_at"], lastActivityAt: row["last_activity_at"], mergedInto: row["merged_into"])
    }

    static func part(_ row: Row) throws -> StoredRecordPart {
        guard let kind = RecordSource.Kind(rawValue: row["source_kind"]) else {
            throw StoreError.corruptData("a record's source kind is unknown")
        }
        return StoredRecordPart(
            recordID: row["record_id"], role: row["role"], workspaceID: try uuid(row["workspace_id"]),
            type: row["type"], subjectID: row["subject_id"], source: RecordSource(kind: kind, name: row["source_name"]),
            createdAt: row["created_at"], updatedAt: row["updated_at"], sealed: row["sealed"],
            reidentification: row["reidentification"], eventIndex: row["event_index"])
    }

    private static func auditEntry(_ row: Row) throws -> AuditEntry {
        let workspace: String? = row["workspace_id"]
        let milliseconds: Int64 = row["time_ms"]
        return AuditEntry(
            sequence: row["sequence"],
            event: AuditEvent(
                workspaceID: try workspace.map(uuid), time: Date(timeIntervalSince1970: Double(milliseconds) / 1000),
                actor: row["actor"], action: row["action"], purpose: row["purpose"], reason: row["reason"],
                subjectID: row["subject_id"], recordID: row["record_id"], detail: row["detail"]),
            previousHash: row["previous_hash"], hash: row["hash"], keyID: row["key_id"])
    }

    public func erasureJournal() async throws -> [ErasureJournalEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM erasure_journal ORDER BY sequence").map { row in
                ErasureJournalEntry(
                    workspaceID: try Self.uuid(row["workspace_id"]), subjectID: row["subject_id"],
                    recordTypes: try NameListColumn.stored(row["record_types"]), erasedAt: row["erased_at"],
                    requestID: row["request_id"], byRetention: row["by_retention"])
            }
        }
    }
}
