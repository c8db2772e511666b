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
        try checkConditions(changes.conditions, db)
        // A change set's rows share a few times; GRDB formats each date with a DateFormatter, which
        // is slow on Linux, so each distinct time is formatted once.
        var formatted: [Date: DatabaseValue] = [:]
        func stored(_ date: Date) -> DatabaseValue {
            if let value = formatted[date] { return value }
            let value = date.databaseValue
            formatted[date] = value
            return value
        }
        for (purpose, key) in changes.people.secrets {
            try db.cachedStatement(
                bound: """
                    INSERT INTO workspace_secret (workspace_id, purpose, master_key_id, sealed)
                    VALUES (\(workspace), \(purpose), \(key.masterKeyID), \(key.sealed))
                    ON CONFLICT (workspace_id, purpose) DO NOTHING
                    """
            ).execute()
        }
        for (purpose, key) in changes.people.rewrappedSecrets {
            try db.execute(
                literal: """
                    UPDATE workspace_secret SET master_key_id = \(key.masterKeyID), sealed = \(key.sealed)
                    WHERE workspace_id = \(workspace) AND purpose = \(purpose)
                    """)
        }
        for school in changes.people.schools {
            try db.cachedStatement(
                bound: """
                    INSERT INTO school (id, workspace_id, name, urn, la_code)
                    VALUES (\(school.id), \(workspace), \(school.name), \(school.urn), \(school.laCode))
                    """
            ).execute()
        }
        try db.insert(
            changes.people.subjects,
            """
            INSERT INTO subject (id, workspace_id, kind, school_id, master_key_id, wrapped_key, created_at,
            last_activity_at, merged_into)
            """
        ) { subject in
            """
            (\(subject.id), \(workspace), \(subject.kind), \(subject.schoolID), \(subject.key?.masterKeyID),
            \(subject.key?.sealed), \(stored(subject.createdAt)), \(stored(subject.lastActivityAt)), \(subject.mergedInto))
            """
        }
        // Keys destroyed one after another (a retention sweep destroys thousands in one change
        // set) go a run at a time; every other update in its place.
        var keysToDestroy: [UUID] = []
        for update in changes.people.subjectUpdates {
            if case .keyDestroyed(let id) = update {
                keysToDestroy.append(id)
            } else {
                try destroyKeys(keysToDestroy, workspace: workspace, db)
                keysToDestroy = []
                try applySubjectUpdate(update, workspace: workspace, db, stored: stored)
            }
        }
        try destroyKeys(keysToDestroy, workspace: workspace, db)
        for run in IDRuns(changes.people.recordPartsRemoved) {
            for table in ["record_part", "record_part_version", "record_statement", "name_word"] {
                try db.cachedStatement(
                    bound:
                        "DELETE FROM \(identifier: table) WHERE workspace_id = \(workspace) AND subject_id IN \(list: run)"
                ).execute()
            }
        }
        for run in IDRuns(changes.people.nameWordsRemoved) {
            try db.cachedStatement(
                bound: "DELETE FROM name_word WHERE workspace_id = \(workspace) AND subject_id IN \(list: run)"
            ).execute()
        }
        for run in IDRuns(changes.people.sealedRowsPurged) {
            for table in ["record_part", "record_part_version", "record_statement"] {
                try db.cachedStatement(
                    bound: """
                        DELETE FROM \(identifier: table) WHERE workspace_id = \(workspace) AND subject_id IN (
                            SELECT id FROM subject WHERE +workspace_id = \(workspace) AND id IN \(list: run)
                            AND wrapped_key IS NULL AND merged_into IS NULL)
                        """
                ).execute()
            }
        }
        for (subjectID, types) in changes.people.recordPartsRemovedOfTypes {
            for type in types {
                for table in ["record_part", "record_part_version", "record_statement", "name_word"] {
                    try db.cachedStatement(
                        bound: """
                            DELETE FROM \(identifier: table)
                            WHERE workspace_id = \(workspace) AND subject_id = \(subjectID) AND type = \(type)
                            """
                    ).execute()
                }
            }
        }
        for (subjectID, records) in changes.people.recordPartsRemovedOfRecords {
            for record in records {
                for table in ["record_part", "record_part_version", "record_statement", "name_word"] {
                    try db.cachedStatement(
                        bound: """
                            DELETE FROM \(identifier: table)
                            WHERE workspace_id = \(workspace) AND subject_id = \(subjectID) AND record_id = \(record)
                            """
                    ).execute()
                }
            }
        }
        for statement in changes.people.recordStatements {
            try db.execute(
                literal: """
                    INSERT INTO record_statement (id, workspace_id, record_id, type, subject_id, request_id, sealed,
                    added_at) VALUES (
                        \(statement.id), \(workspace), \(statement.recordID), \(statement.type), \(statement.subjectID),
                        \(statement.requestID), \(statement.sealed), \(stored(statement.addedAt)))
                    """)
        }
        for part in changes.people.recordPartVersions {
            try db.cachedStatement(
                bound: """
                    INSERT INTO record_part_version (record_id, role, workspace_id, type, subject_id, source_kind,
                    source_name, created_at, updated_at, sealed, reidentification) VALUES (
                        \(part.recordID), \(part.role), \(workspace), \(part.type), \(part.subjectID),
                        \(part.source.kind.rawValue), \(part.source.name), \(stored(part.createdAt)),
                        \(stored(part.updatedAt)), \(part.sealed), \(part.reidentification))
                    """
            ).execute()
        }
        for run in IDRuns(changes.people.identifiersRemoved) {
            try db.cachedStatement(
                bound:
                    """
                    DELETE FROM subject_identifier INDEXED BY subject_identifier_subject
                    WHERE workspace_id = \(workspace) AND subject_id IN \(list: run)
                    """
            ).execute()
        }
        for identifier in changes.people.identifiers {
            try db.cachedStatement(
                bound: """
                    INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind, claimed)
                    VALUES (\(workspace), \(identifier.index), \(identifier.subjectID), \(identifier.kind),
                    \(identifier.claims))
                    ON CONFLICT DO NOTHING
                    """
            ).execute()
            // Not inserted: the same person's identifier given twice, or (when it claims) another
            // person made by it since this write looked.
            if db.changesCount == 0, identifier.claims,
                try SQLRequest<Bool>(
                    literal: """
                        SELECT 1 FROM subject_identifier WHERE workspace_id = \(workspace)
                        AND blind_index = \(identifier.index) AND claimed = 1 AND subject_id <> \(identifier.subjectID)
                        """
                ).fetchOne(db) != nil
            {
                throw StoreError.identityTaken
            }
        }
        try db.insert(
            changes.people.recordParts,
            """
            INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, source_name,
            created_at, updated_at, sealed, reidentification, event_index)
            """,
            values: { part in
                """
                (\(part.recordID), \(part.role), \(workspace), \(part.type), \(part.subjectID),
                \(part.source.kind.rawValue), \(part.source.name), \(stored(part.createdAt)),
                \(stored(part.updatedAt)), \(part.sealed), \(part.reidentification), \(part.eventIndex))
                """
            },
            """

            ON CONFLICT (record_id, role) DO UPDATE SET subject_id = excluded.subject_id,
            source_kind = excluded.source_kind, source_name = excluded.source_name,
            -- A part left sealed under a destroyed key (a retention sweep purges it later) is
            -- replaced whole: the new part is made now.
            created_at = CASE WHEN EXISTS (SELECT 1 FROM subject g WHERE g.id = record_part.subject_id
                AND g.wrapped_key IS NULL) THEN excluded.created_at ELSE record_part.created_at END,
            updated_at = excluded.updated_at, sealed = excluded.sealed,
            reidentification = excluded.reidentification, event_index = excluded.event_index
            WHERE record_part.workspace_id = excluded.workspace_id AND record_part.type = excluded.type
            """)
        // Name words a run of rows at a time; the words of a part replacing one are deleted after
        // the words before them are written, as they would be a part at a time.
        var words: [(word: Data, whole: Bool, part: StoredRecordPart)] = []
        func writeWords() throws {
            try db.insert(
                words, "INSERT INTO name_word (workspace_id, word, whole, subject_id, record_id, role, type)",
                values: { entry in
                    """
                    (\(workspace), \(entry.word), \(entry.whole), \(entry.part.subjectID), \(entry.part.recordID),
                    \(entry.part.role), \(entry.part.type))
                    """
                }, " ON CONFLICT DO NOTHING")
            words = []
        }
        for part in changes.people.recordParts {
            guard let names = part.names else { continue }
            if names.replacing {
                try writeWords()
                try db.cachedStatement(
                    bound: "DELETE FROM name_word WHERE record_id = \(part.recordID) AND role = \(part.role)"
                ).execute()
            }
            words += names.words.map { (word: $0, whole: false, part: part) }
            if let whole = names.whole { words.append((word: whole, whole: true, part: part)) }
        }
        try writeWords()
        for index in changes.people.tombstones {
            try db.cachedStatement(
                bound: """
                    INSERT INTO tombstone (workspace_id, blind_index) VALUES (\(workspace), \(index))
                    ON CONFLICT DO NOTHING
                    """
            ).execute()
        }
        for entry in changes.people.erasureJournal {
            try db.cachedStatement(
                bound: """
                    INSERT INTO erasure_journal (workspace_id, subject_id, record_types, erased_at, request_id,
                    by_retention) VALUES (
                        \(entry.workspaceID.uuidString), \(entry.subjectID),
                        \(try NameListColumn.encoded(entry.recordTypes)), \(stored(entry.erasedAt)), \(entry.requestID),
                        \(entry.byRetention))
                    """
            ).execute()
        }
        for token in changes.accessTokens.issued {
            try db.execute(
                literal: """
                    INSERT INTO access_token (id, workspace_id, name, role, school_id, secret_hash, created_at,
                    created_by) VALUES (
                        \(token.id), \(workspace), \(token.name), \(token.role.rawValue), \(token.schoolID),
                        \(token.secretHash), \(token.createdAt), \(token.createdBy))
                    """)
        }
        for (id, time) in changes.accessTokens.revoked {
            try db.execute(
                literal: """
                    UPDATE access_token SET revoked_at = \(time)
                    WHERE id = \(id) AND workspace_id = \(workspace) AND revoked_at IS NULL
                    """)
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

    /// Checks each condition, or throws ``StoreError/conditionFailed(_:)`` (and the transaction
    /// writes nothing).
    private static func checkConditions(_ conditions: [ChangeCondition], _ db: Database) throws {
        for condition in conditions {
            switch condition {
            case .claimHeld(let claim):
                try db.execute(
                    literal: """
                        UPDATE job_claim SET lease_until_ms = \(clockMilliseconds() + claim.leaseMilliseconds)
                        WHERE workspace_id = \(claim.workspaceID.uuidString) AND job = \(claim.job)
                        AND holder = \(claim.holder)
                        """)
                guard db.changesCount == 1 else {
                    throw StoreError.conditionFailed("another process took over the \(claim.job) work")
                }
            case .secondFactorStep(let userID, let step):
                try db.execute(
                    literal: """
                        UPDATE staff_user SET totp_last_step = \(step)
                        WHERE id = \(userID) AND (totp_last_step IS NULL OR totp_last_step < \(step))
                        """)
                guard db.changesCount == 1 else { throw StoreError.conditionFailed("the code was used already") }
            case .auditUnkeyed:
                let keyed = try Bool.fetchOne(db, sql: "SELECT keyed_from IS NOT NULL FROM audit_head WHERE id = 1")
                guard keyed != true else { throw StoreError.conditionFailed("the audit log is keyed already") }
            case .requestPartiesPlain(let ids):
                var plain = 0
                for id in ids {
                    plain +=
                        try SQLRequest<Int>(
                            literal: """
                                SELECT count(*) FROM data_request WHERE id = \(id)
                                AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL)
                                """
                        ).fetchOne(db) ?? 0
                }
                guard plain == ids.count else {
                    throw StoreError.conditionFailed("who asked was sealed already by another process")
                }
            }
        }
    }

    /// Destroys the keys of `ids`, a run at a time. The `+` keeps SQLite on the subject's id: by
    /// the workspace's index it would read the workspace's every person.
    private static func destroyKeys(_ ids: [UUID], workspace: String, _ db: Database) throws {
        for run in IDRuns(ids) {
            try db.cachedStatement(
                bound: """
                    UPDATE subject SET master_key_id = NULL, wrapped_key = NULL
                    WHERE +workspace_id = \(workspace) AND id IN \(list: run)
                    """
            ).execute()
        }
    }

    private static func applySubjectUpdate(
        _ update: SubjectUpdate, workspace: String, _ db: Database, stored: (Date) -> DatabaseValue
    ) throws {
        switch update {
        case .lastActivity(let id, let date):
            try db.cachedStatement(
                bound: """
                    UPDATE subject SET last_activity_at = max(last_activity_at, \(stored(date)))
                    WHERE id = \(id) AND workspace_id = \(workspace)
                    """
            ).execute()
        case .school(let id, let schoolID):
            try db.cachedStatement(
                bound: "UPDATE subject SET school_id = \(schoolID) WHERE id = \(id) AND workspace_id = \(workspace)"
            ).execute()
        case .mergedInto(let id, let survivor):
            try db.execute(
                literal: """
                    UPDATE subject SET merged_into = \(survivor), master_key_id = NULL, wrapped_key = NULL
                    WHERE id = \(id) AND workspace_id = \(workspace)
                    """)
        case .keyDestroyed(let id):
            try destroyKeys([id], workspace: workspace, db)
        case .rewrapped(let id, let key):
            try db.execute(
                literal: """
                    UPDATE subject SET master_key_id = \(key.masterKeyID), wrapped_key = \(key.sealed)
                    WHERE id = \(id) AND workspace_id = \(workspace) AND wrapped_key IS NOT NULL
                    """)
        }
    }

    /// Appends events to the chain after the recorded head, keyed under `chainKey`; the write
    /// transaction serialises appends. The first keyed entry is recorded as where keying began.
    private static func appendAudit(_ events: [AuditEvent], _ db: Database, chainKey: AuditChainKey?) throws {
        guard !events.isEmpty else { return }
        let row = try SQLRequest<Row>(literal: "SELECT sequence, hash, keyed_from FROM audit_head WHERE id = 1")
            .fetchOne(db)
        let head = row.map { (sequence: $0["sequence"] as Int64, hash: $0["hash"] as Data) }
        let keyedFrom = row?["keyed_from"] as Int64?
        if chainKey == nil, keyedFrom != nil { throw StoreError.auditKeyNeeded }
        let entries = AuditChain.append(events, after: head, key: chainKey)
        for entry in entries {
            let event = entry.event
            try db.cachedStatement(
                bound: """
                    INSERT INTO audit_entry (sequence, workspace_id, time_ms, actor, action, purpose, reason,
                    subject_id, record_id, detail, previous_hash, hash, key_id, shown) VALUES (
                        \(entry.sequence), \(event.workspaceID?.uuidString), \(event.milliseconds), \(event.actor),
                        \(event.action), \(event.purpose), \(event.reason), \(event.subjectID), \(event.recordID),
                        \(event.detail), \(entry.previousHash), \(entry.hash), \(entry.keyID),
                        \(Self.shownColumn(event.shown)))
                    """
            ).execute()
            if let workspace = event.workspaceID?.uuidString {
                for subject in Set(event.shown) {
                    try db.cachedStatement(
                        bound: """
                            INSERT INTO audit_shown (workspace_id, subject_id, sequence)
                            VALUES (\(workspace), \(subject), \(entry.sequence))
                            """
                    ).execute()
                }
            }
        }
        if let first = entries.first, let last = entries.last {
            let startsKeying = chainKey != nil && keyedFrom == nil
            try db.execute(
                literal: """
                    INSERT INTO audit_head (id, sequence, hash, keyed_from)
                    VALUES (1, \(last.sequence), \(last.hash), \(startsKeying ? first.sequence : nil))
                    ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                    keyed_from = coalesce(audit_head.keyed_from, excluded.keyed_from)
                    """)
        }
    }

    public func workspaceSecrets(in workspaceID: UUID) async throws -> [String: WrappedKey] {
        try await pool.read { db in
            var secrets: [String: WrappedKey] = [:]
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT purpose, master_key_id, sealed FROM workspace_secret
                    WHERE workspace_id = \(workspaceID.uuidString)
                    """
            ).fetchAll(db) {
                secrets[row["purpose"]] = WrappedKey(masterKeyID: row["master_key_id"], sealed: row["sealed"])
            }
            return secrets
        }
    }

    public func subjectIDs(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: [UUID]] {
        guard !indexes.isEmpty else { return [:] }
        return try readNow { db in
            // A run of indexes a statement; each index's people in the order they were made.
            var result: [Data: [UUID]] = [:]
            for run in IDRuns(Array(Set(indexes))) {
                let rows = try Row.fetchCursor(
                    db.cachedStatement(
                        bound: """
                            SELECT i.blind_index, i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
                            WHERE i.workspace_id = \(workspaceID.uuidString) AND i.blind_index IN \(list: run)
                            ORDER BY s.created_at, s.id
                            """))
                while let row = try rows.next() { result[row[0] as Data, default: []].append(row[1]) }
            }
            return result
        }
    }

    public func tombstoned(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data> {
        guard !indexes.isEmpty else { return [] }
        return try readNow { db in
            var result: Set<Data> = []
            for run in IDRuns(Array(Set(indexes))) {
                result.formUnion(
                    try Data.fetchAll(
                        db.cachedStatement(
                            bound: """
                                SELECT blind_index FROM tombstone
                                WHERE workspace_id = \(workspaceID.uuidString) AND blind_index IN \(list: run)
                                """)))
            }
            return result
        }
    }

    public func subjects(_ ids: [UUID], in workspaceID: UUID) async throws -> [StoredSubject] {
        guard !ids.isEmpty else { return [] }
        return try readNow { db in
            try ids.compactMap { id in
                try Row.fetchOne(
                    db.cachedStatement(
                        bound: "SELECT * FROM subject WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)")
                ).map(Self.subject)
            }
        }
    }

    public func subjectIDs(attending eventIndexes: [Data], in workspaceID: UUID) async throws -> [UUID] {
        guard !eventIndexes.isEmpty else { return [] }
        return try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT DISTINCT p.subject_id FROM record_part p JOIN subject s ON s.id = p.subject_id
                    WHERE p.workspace_id = \(workspaceID.uuidString) AND p.event_index IN \(eventIndexes)
                    AND s.wrapped_key IS NOT NULL
                    ORDER BY p.subject_id
                    """
            ).fetchAll(db)
        }
    }

    public func subjectIDs(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> [UUID] {
        try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT id FROM subject WHERE workspace_id = \(workspaceID.uuidString) AND school_id = \(schoolID)
                    AND merged_into IS NULL AND wrapped_key IS NOT NULL ORDER BY created_at, id
                    """
            ).fetchAll(db)
        }
    }

    public func subjectIDs(
        inSchool schoolID: UUID, in workspaceID: UUID, newestFirst: Bool, limit: Int, offset: Int
    ) async throws -> [UUID] {
        try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT id FROM subject WHERE workspace_id = \(workspaceID.uuidString) AND school_id = \(schoolID)
                    AND merged_into IS NULL AND wrapped_key IS NOT NULL
                    """
                        + (newestFirst ? " ORDER BY created_at DESC, id DESC" : " ORDER BY created_at, id")
                        + " LIMIT \(limit) OFFSET \(offset)"
            ).fetchAll(db)
        }
    }

    public func subjectCount(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> Int {
        try await pool.read { db in
            try SQLRequest<Int>(
                literal: """
                    SELECT COUNT(*) FROM subject WHERE workspace_id = \(workspaceID.uuidString)
                    AND school_id = \(schoolID) AND merged_into IS NULL AND wrapped_key IS NOT NULL
                    """
            ).fetchOne(db) ?? 0
        }
    }

    public func identifiers(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredIdentifier] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT blind_index, kind, subject_id FROM subject_identifier
                        WHERE workspace_id = \(workspaceID.uuidString) AND subject_id = \(subjectID) ORDER BY kind
                        """)
            ).map { StoredIdentifier(index: $0["blind_index"], kind: $0["kind"], subjectID: $0["subject_id"]) }
        }
    }

    public func sharedIdentifiers(in workspaceID: UUID) async throws -> [[UUID]] {
        try await pool.read { db in
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT i.blind_index, i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
                    WHERE i.workspace_id = \(workspaceID.uuidString) AND i.blind_index IN (
                        SELECT blind_index FROM subject_identifier WHERE workspace_id = \(workspaceID.uuidString)
                        GROUP BY blind_index HAVING count(*) > 1)
                    ORDER BY i.blind_index, s.created_at, s.id
                    """
            ).fetchAll(db)
            return SharedIdentifierGroups.groups(rows.map { ($0["blind_index"] as Data, $0["subject_id"] as UUID) })
        }
    }

    public func subjectIDs(
        namedWithAll words: [Data], atSchool schoolID: UUID?, in workspaceID: UUID, limit: Int
    ) async throws -> [UUID] {
        let words = Array(Set(words))
        guard !words.isEmpty else { return [] }
        return try await pool.read { db in
            let workspace = workspaceID.uuidString
            // The rarest word drives the search; each other word is one index probe per person it finds.
            var rarest = words[0]
            var fewest = Int.max
            for word in words {
                let count =
                    try SQLRequest<Int>(
                        literal: """
                            SELECT COUNT(*) FROM (SELECT 1 FROM name_word WHERE workspace_id = \(workspace)
                            AND whole = 0 AND word = \(word) LIMIT \(RecordPartNames.wordCountCap))
                            """
                    ).fetchOne(db) ?? 0
                if count < fewest { (rarest, fewest) = (word, count) }
            }
            guard fewest > 0 else { return [] }
            // The people found drive the join (CROSS JOIN keeps SQLite from walking every person in
            // the order asked for and testing each against the few found).
            var query: SQL = """
                SELECT s.id FROM (
                    SELECT DISTINCT n.subject_id AS id FROM name_word n WHERE n.workspace_id = \(workspace)
                    AND n.whole = 0 AND n.word = \(rarest)
                """
            for word in words where word != rarest {
                query.append(
                    literal: """
                         AND EXISTS (SELECT 1 FROM name_word m WHERE m.workspace_id = \(workspace) AND m.whole = 0
                        AND m.word = \(word) AND m.subject_id = n.subject_id)
                        """)
            }
            query.append(
                literal: """
                    ) found CROSS JOIN subject s ON s.id = found.id
                    WHERE s.workspace_id = \(workspace) AND s.merged_into IS NULL
                    """)
            if let schoolID { query.append(literal: " AND s.school_id = \(schoolID)") }
            query.append(literal: " ORDER BY s.created_at, s.id LIMIT \(limit)")
            return try SQLRequest<UUID>(literal: query).fetchAll(db)
        }
    }

    public func sharedNames(in workspaceID: UUID, including subjectID: UUID?) async throws -> [[UUID]] {
        try await pool.read { db in
            let shared: SQL =
                subjectID.map {
                    """
                    SELECT word FROM name_word WHERE workspace_id = \(workspaceID.uuidString) AND subject_id = \($0)
                    AND whole = 1
                    """
                }
                    ?? """
                    SELECT word FROM name_word WHERE workspace_id = \(workspaceID.uuidString) AND whole = 1
                    GROUP BY word HAVING COUNT(DISTINCT subject_id) > 1
                    """
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT DISTINCT n.word, s.school_id, n.subject_id, s.created_at FROM name_word n
                    JOIN subject s ON s.id = n.subject_id
                    WHERE n.workspace_id = \(workspaceID.uuidString) AND n.whole = 1 AND s.merged_into IS NULL
                    AND n.word IN (\(shared))
                    ORDER BY n.word, s.created_at, s.id
                    """
            ).fetchAll(db)
            return SharedIdentifierGroups.groups(
                rows.map { row in
                    (SharedNameKey.key(word: row["word"], school: row["school_id"]), row["subject_id"] as UUID)
                })
        }
    }

    public func recordParts(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [StoredRecordPart] {
        guard !subjectIDs.isEmpty else { return [] }
        return try readNow { db in
            try subjectIDs.flatMap { id in
                try Row.fetchAll(
                    db.cachedStatement(
                        bound: """
                            SELECT * FROM record_part
                            WHERE subject_id = \(id) AND workspace_id = \(workspaceID.uuidString)
                            AND EXISTS (SELECT 1 FROM subject WHERE id = \(id) AND wrapped_key IS NOT NULL)
                            ORDER BY created_at, record_id, role
                            """)
                ).map(Self.part)
            }
        }
    }

    public func recordParts(ofRecord recordID: UUID, in workspaceID: UUID) async throws -> [StoredRecordPart] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT p.* FROM record_part p JOIN subject s ON s.id = p.subject_id
                        WHERE p.record_id = \(recordID) AND p.workspace_id = \(workspaceID.uuidString)
                        AND s.wrapped_key IS NOT NULL ORDER BY p.role
                        """)
            ).map(Self.part)
        }
    }

    public func recordStatements(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordStatement] {
        try readNow { db in try Self.recordStatements(subjectID, workspaceID.uuidString, db) }
    }

    /// The person's statements on records, read inside `db`.
    static func recordStatements(
        _ subjectID: UUID, _ workspace: String, _ db: Database
    ) throws -> [StoredRecordStatement] {
        try Row.fetchAll(
            db.cachedStatement(
                bound: """
                    SELECT * FROM record_statement WHERE subject_id = \(subjectID)
                    AND workspace_id = \(workspace) ORDER BY added_at, rowid
                    """)
        ).map { row in
            StoredRecordStatement(
                id: row["id"], recordID: row["record_id"], type: row["type"], subjectID: row["subject_id"],
                requestID: row["request_id"], sealed: row["sealed"], addedAt: row["added_at"])
        }
    }

    public func recordPartVersions(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordPart] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM record_part_version WHERE subject_id = \(subjectID)
                        AND workspace_id = \(workspaceID.uuidString) ORDER BY sequence
                        """)
            ).map(Self.part)
        }
    }

    public func latestRecordIDs(
        ofType type: String, role: String, subjects: [UUID], in workspaceID: UUID
    ) async throws -> [UUID: UUID] {
        guard !subjects.isEmpty else { return [:] }
        return try await pool.read { db in
            var result: [UUID: UUID] = [:]
            for subject in Set(subjects) {
                if let id = try UUID.fetchOne(
                    db.cachedStatement(
                        bound: """
                            SELECT record_id FROM record_part
                            WHERE subject_id = \(subject) AND type = \(type) AND role = \(role)
                            AND workspace_id = \(workspaceID.uuidString)
                            ORDER BY created_at DESC, record_id DESC LIMIT 1
                            """))
                {
                    result[subject] = id
                }
            }
            return result
        }
    }

    public func schools(in workspaceID: UUID) async throws -> [School] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM school WHERE workspace_id = \(workspaceID.uuidString) ORDER BY name, urn"
            ).fetchAll(db).map { row in
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
            try SQLRequest<Row>(
                literal: """
                    SELECT id, master_key_id, wrapped_key FROM subject
                    WHERE workspace_id = \(workspaceID.uuidString) AND wrapped_key IS NOT NULL
                    AND master_key_id <> \(masterKeyID) LIMIT \(limit)
                    """
            ).fetchAll(db).map { ($0["id"], WrappedKey(masterKeyID: $0["master_key_id"], sealed: $0["wrapped_key"])) }
        }
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM audit_entry WHERE sequence > \(sequence) ORDER BY sequence LIMIT \(limit)"
            ).fetchAll(db).map(Self.auditEntry)
        }
    }

    public func auditEntries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM audit_entry WHERE sequence IN (
                        SELECT sequence FROM audit_entry
                        WHERE workspace_id = \(workspaceID.uuidString) AND subject_id = \(subjectID)
                        UNION ALL
                        SELECT sequence FROM audit_shown
                        WHERE workspace_id = \(workspaceID.uuidString) AND subject_id = \(subjectID)
                    )
                    ORDER BY sequence DESC LIMIT \(limit)
                    """
            ).fetchAll(db).map(Self.auditEntry)
        }
    }

    public func auditEntries(
        in workspaceID: UUID, matching query: AuditQuery, limit: Int
    ) async throws -> [AuditEntry] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM audit_entry WHERE " + Self.auditConditions(workspaceID, query, paged: true)
                    + " ORDER BY sequence DESC LIMIT \(limit)"
            ).fetchAll(db).map(Self.auditEntry)
        }
    }

    public func auditCount(in workspaceID: UUID, matching query: AuditQuery, cap: Int) async throws -> Int {
        try await pool.read { db in
            try SQLRequest<Int>(
                literal: "SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE "
                    + Self.auditConditions(workspaceID, query, paged: false) + " LIMIT \(cap))"
            ).fetchOne(db) ?? 0
        }
    }

    /// The `WHERE` conditions of `query` in `workspaceID`: each part only when given, so that
    /// the indexes by workspace and by person serve.
    private static func auditConditions(_ workspaceID: UUID, _ query: AuditQuery, paged: Bool) -> SQL {
        var conditions: SQL = "workspace_id = \(workspaceID.uuidString)"
        if let subject = query.subjectID {
            conditions += """
                 AND (subject_id = \(subject) OR sequence IN (
                    SELECT sequence FROM audit_shown WHERE workspace_id = \(workspaceID.uuidString) AND subject_id = \(subject)))
                """
        }
        if let actor = query.actor { conditions += " AND actor = \(actor)" }
        if let family = query.actionFamily {
            conditions += " AND substr(action, 1, \(family.count)) = \(family)"
        } else if let action = query.action {
            conditions += " AND action = \(action)"
        }
        if let from = query.from { conditions += " AND time_ms >= \(AuditQuery.milliseconds(from))" }
        if let until = query.until { conditions += " AND time_ms < \(AuditQuery.milliseconds(until))" }
        if paged, let before = query.before { conditions += " AND sequence < \(before)" }
        return conditions
    }

    public func auditKeyedFrom() async throws -> Int64? {
        try await pool.read { db in
            try SQLRequest<Int64>(literal: "SELECT keyed_from FROM audit_head WHERE id = 1").fetchOne(db)
        }
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpoint? {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM audit_checkpoint ORDER BY sequence DESC LIMIT 1")
                .fetchOne(db).map { row in
                    let anchorSequence: Int64? = row["anchor_sequence"]
                    let anchorHash: Data? = row["anchor_hash"]
                    let milliseconds: Int64 = row["made_at_ms"]
                    return AuditCheckpoint(
                        position: AuditVerifier.Position(
                            nextSequence: (row["sequence"] as Int64) + 1, previousHash: row["previous_hash"],
                            lastAnchored: row["last_anchored"], checked: row["checked"], keyedFrom: row["keyed_from"],
                            anchor: anchorSequence.flatMap { sequence in
                                anchorHash.map { AuditAnchor(sequence: sequence, hash: $0) }
                            }),
                        madeAt: Date(timeIntervalSince1970: Double(milliseconds) / 1000), keyID: row["key_id"],
                        signature: row["signature"])
                }
        }
    }

    public func recordAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws {
        let position = checkpoint.position
        try await pool.write { db in
            try db.execute(
                literal: """
                    INSERT INTO audit_checkpoint (sequence, previous_hash, last_anchored, checked, keyed_from,
                    anchor_sequence, anchor_hash, made_at_ms, key_id, signature) VALUES (
                        \(checkpoint.sequence), \(position.previousHash), \(position.lastAnchored), \(position.checked),
                        \(position.keyedFrom), \(position.anchor?.sequence), \(position.anchor?.hash),
                        \(AuditQuery.milliseconds(checkpoint.madeAt)), \(checkpoint.keyID), \(checkpoint.signature))
                    ON CONFLICT (sequence) DO UPDATE SET previous_hash = excluded.previous_hash,
                    last_anchored = excluded.last_anchored, checked = excluded.checked, keyed_from = excluded.keyed_from,
                    anchor_sequence = excluded.anchor_sequence, anchor_hash = excluded.anchor_hash,
                    made_at_ms = excluded.made_at_ms, key_id = excluded.key_id, signature = excluded.signature
                    """)
        }
    }

    public func discardAuditCheckpoints(from sequence: Int64) async throws {
        try await pool.write { db in
            try db.execute(literal: "DELETE FROM audit_checkpoint WHERE sequence >= \(sequence)")
        }
    }

    public func auditHead() async throws -> (sequence: Int64, hash: Data)? {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT sequence, hash FROM audit_head WHERE id = 1").fetchOne(db).map {
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
                subjectID: row["subject_id"], recordID: row["record_id"], detail: row["detail"],
                shown: try Self.shown(row["shown"])),
            previousHash: row["previous_hash"], hash: row["hash"], keyID: row["key_id"])
    }

    /// The people an entry showed, as the `shown` column keeps them: ids separated by spaces.
    private static func shownColumn(_ shown: [UUID]) -> String? {
        shown.isEmpty ? nil : shown.map { $0.uuidString.lowercased() }.joined(separator: " ")
    }

    private static func shown(_ column: String?) throws -> [UUID] {
        try (column ?? "").split(separator: " ").map { try uuid(String($0)) }
    }

    public func erasureJournal() async throws -> [ErasureJournalEntry] {
        try await pool.read { db in
            try SQLRequest<Row>(literal: "SELECT * FROM erasure_journal ORDER BY sequence").fetchAll(db).map { row in
                ErasureJournalEntry(
                    workspaceID: try Self.uuid(row["workspace_id"]), subjectID: row["subject_id"],
                    recordTypes: try NameListColumn.stored(row["record_types"]), erasedAt: row["erased_at"],
                    requestID: row["request_id"], byRetention: row["by_retention"])
            }
        }
    }
}
