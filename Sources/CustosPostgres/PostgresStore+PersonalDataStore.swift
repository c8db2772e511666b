public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    public func apply(_ changes: ChangeSet) async throws {
        let chainKey = changes.audit.isEmpty ? nil : try auditKeys.current()
        try await transaction { connection in
            try await Self.apply(changes, connection, self.logger, chainKey: chainKey)
        }
    }

    private static func apply(
        _ changes: ChangeSet, _ connection: PostgresConnection, _ logger: Logger, chainKey: AuditChainKey?
    ) async throws {
        let workspace = changes.workspaceID
        try await checkConditions(changes.conditions, connection, logger)
        for (purpose, key) in changes.people.secrets {
            try await connection.query(
                """
                INSERT INTO workspace_secret (workspace_id, purpose, master_key_id, sealed)
                VALUES (\(workspace), \(purpose), \(key.masterKeyID), \(ByteBuffer(data: key.sealed)))
                ON CONFLICT (workspace_id, purpose) DO NOTHING
                """, logger: logger)
        }
        for (purpose, key) in changes.people.rewrappedSecrets {
            try await connection.query(
                """
                UPDATE workspace_secret SET master_key_id = \(key.masterKeyID), sealed = \(ByteBuffer(data: key.sealed))
                WHERE workspace_id = \(workspace) AND purpose = \(purpose)
                """, logger: logger)
        }
        for school in changes.people.schools {
            try await connection.query(
                """
                INSERT INTO school (id, workspace_id, name, urn, la_code)
                VALUES (\(school.id), \(workspace), \(school.name), \(school.urn), \(school.laCode))
                """, logger: logger)
        }
        try await PostgresBatchWrites.insertSubjects(changes.people.subjects, workspace: workspace, connection, logger)
        // Keys destroyed one after another (a retention sweep destroys thousands in one change
        // set) go in one statement; every other update in its place.
        var keysToDestroy: [UUID] = []
        func destroyKeys() async throws {
            guard !keysToDestroy.isEmpty else { return }
            try await connection.query(keysDestroyedQuery(keysToDestroy, workspace: workspace), logger: logger)
            keysToDestroy = []
        }
        for update in changes.people.subjectUpdates {
            if case .keyDestroyed(let id) = update {
                keysToDestroy.append(id)
            } else {
                try await destroyKeys()
                try await connection.query(subjectUpdateQuery(update, workspace: workspace), logger: logger)
            }
        }
        try await destroyKeys()
        let removed = changes.people.recordPartsRemoved
        if !removed.isEmpty {
            for table in ["record_part", "record_part_version", "record_statement", "name_word"] {
                try await connection.query(
                    "DELETE FROM \(unescaped: table) WHERE workspace_id = \(workspace) AND subject_id = ANY(\(removed))",
                    logger: logger)
            }
        }
        if !changes.people.nameWordsRemoved.isEmpty {
            try await connection.query(
                """
                DELETE FROM name_word WHERE workspace_id = \(workspace)
                AND subject_id = ANY(\(changes.people.nameWordsRemoved))
                """, logger: logger)
        }
        let purged = changes.people.sealedRowsPurged
        if !purged.isEmpty {
            for table in ["record_part", "record_part_version", "record_statement"] {
                try await connection.query(
                    """
                    DELETE FROM \(unescaped: table) WHERE workspace_id = \(workspace) AND subject_id IN (
                        SELECT id FROM subject WHERE workspace_id = \(workspace) AND id = ANY(\(purged))
                        AND wrapped_key IS NULL AND merged_into IS NULL)
                    """, logger: logger)
            }
        }
        for (subjectID, types) in changes.people.recordPartsRemovedOfTypes {
            try await connection.query(
                """
                DELETE FROM record_part WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)
                AND type = ANY(\(types))
                """, logger: logger)
            try await connection.query(
                """
                DELETE FROM record_part_version WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)
                AND type = ANY(\(types))
                """, logger: logger)
            try await connection.query(
                """
                DELETE FROM record_statement WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)
                AND type = ANY(\(types))
                """, logger: logger)
            try await connection.query(
                """
                DELETE FROM name_word WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)
                AND type = ANY(\(types))
                """, logger: logger)
        }
        for (subjectID, records) in changes.people.recordPartsRemovedOfRecords {
            for table in ["record_part", "record_part_version", "record_statement", "name_word"] {
                try await connection.query(
                    """
                    DELETE FROM \(unescaped: table) WHERE workspace_id = \(workspace) AND subject_id = \(subjectID)
                    AND record_id = ANY(\(records))
                    """, logger: logger)
            }
        }
        if !changes.people.identifiersRemoved.isEmpty {
            try await connection.query(
                """
                DELETE FROM subject_identifier WHERE workspace_id = \(workspace)
                AND subject_id = ANY(\(changes.people.identifiersRemoved))
                """, logger: logger)
        }
        try await PostgresBatchWrites.insertIdentifiers(
            changes.people.identifiers, workspace: workspace, connection, logger)
        try await PostgresBatchWrites.upsertRecordParts(
            changes.people.recordParts, workspace: workspace, connection, logger)
        for statement in changes.people.recordStatements {
            try await connection.query(
                """
                INSERT INTO record_statement (id, workspace_id, record_id, type, subject_id, request_id, sealed, added_at)
                VALUES (\(statement.id), \(workspace), \(statement.recordID), \(statement.type), \(statement.subjectID),
                \(statement.requestID), \(ByteBuffer(data: statement.sealed)), \(statement.addedAt))
                """, logger: logger)
        }
        for part in changes.people.recordPartVersions {
            try await connection.query(
                """
                INSERT INTO record_part_version (record_id, role, workspace_id, type, subject_id, source_kind,
                source_name, created_at, updated_at, sealed, reidentification)
                VALUES (\(part.recordID), \(part.role), \(workspace), \(part.type), \(part.subjectID),
                \(part.source.kind.rawValue), \(part.source.name), \(part.createdAt), \(part.updatedAt),
                \(ByteBuffer(data: part.sealed)), \(part.reidentification.map { ByteBuffer(data: $0) }))
                """, logger: logger)
        }
        try await PostgresBatchWrites.appendErasureJournal(changes.people.erasureJournal, connection, logger)
        for index in changes.people.tombstones {
            try await connection.query(
                """
                INSERT INTO tombstone (workspace_id, blind_index) VALUES (\(workspace), \(ByteBuffer(data: index)))
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        for token in changes.accessTokens.issued {
            try await connection.query(
                """
                INSERT INTO access_token (id, workspace_id, name, role, school_id, secret_hash, created_at, created_by)
                VALUES (\(token.id), \(workspace), \(token.name), \(token.role.rawValue), \(token.schoolID),
                \(ByteBuffer(data: token.secretHash)), \(token.createdAt), \(token.createdBy))
                """, logger: logger)
        }
        for (id, time) in changes.accessTokens.revoked {
            try await connection.query(
                """
                UPDATE access_token SET revoked_at = \(time)
                WHERE id = \(id) AND workspace_id = \(workspace) AND revoked_at IS NULL
                """, logger: logger)
        }
        try await applyContactChanges(changes.contact, in: workspace, connection, logger)
        try await applyMessageChanges(changes.messages, in: workspace, connection, logger)
        try await applyRequestChanges(changes.requests, in: workspace, connection, logger)
        try await applyTaskChanges(changes.tasks, in: workspace, connection, logger)
        try await applyLegalHoldChanges(changes.legalHolds, in: workspace, connection, logger)
        try await applyRetentionChanges(changes.retention, in: workspace, connection, logger)
        try await applyComplaintChanges(changes.complaints, in: workspace, connection, logger)
        try await applyBreachChanges(changes.breaches, in: workspace, connection, logger)
        try await applyDisclosureChanges(changes.disclosures, in: workspace, connection, logger)
        try await applyStaffUserChanges(changes.staffUsers, in: workspace, connection, logger)
        try await applyRegistrationChanges(changes.registrations, in: workspace, connection, logger)
        try await addPendingAudit(changes.audit, connection, logger, chainKey: chainKey)
    }

    /// Checks each condition, or throws ``StoreError/conditionFailed(_:)`` (and the transaction
    /// writes nothing).
    private static func checkConditions(
        _ conditions: [ChangeCondition], _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for condition in conditions {
            switch condition {
            case .claimHeld(let claim):
                guard
                    try await connection.query(
                        """
                        UPDATE job_claim SET lease_until_ms = \(unescaped: databaseMilliseconds) + \(claim.leaseMilliseconds)
                        WHERE workspace_id = \(claim.workspaceID) AND job = \(claim.job) AND holder = \(claim.holder)
                        RETURNING 1
                        """, logger: logger
                    ).hasRows()
                else { throw StoreError.conditionFailed("another server took over the \(claim.job) work") }
            case .secondFactorStep(let userID, let step):
                guard
                    try await connection.query(
                        """
                        UPDATE staff_user SET totp_last_step = \(step)
                        WHERE id = \(userID) AND (totp_last_step IS NULL OR totp_last_step < \(step)) RETURNING 1
                        """, logger: logger
                    ).hasRows()
                else { throw StoreError.conditionFailed("the code was used already") }
            case .auditUnkeyed:
                // The head row locked first; then, in a statement of its own (and so a snapshot taken
                // after any process that held the lock committed), no keying entry waiting.
                guard
                    try await connection.query(
                        "SELECT 1 FROM audit_head WHERE id = 1 AND keyed_from IS NULL FOR UPDATE", logger: logger
                    ).hasRows(),
                    try await !connection.query(
                        "SELECT 1 FROM audit_pending WHERE action = 'audit.keyed'", logger: logger
                    ).hasRows()
                else { throw StoreError.conditionFailed("the audit log is keyed already") }
            case .requestPartiesPlain(let ids):
                var plain = 0
                for try await _ in try await connection.query(
                    """
                    SELECT id FROM data_request WHERE id = ANY(\(ids))
                    AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL) FOR UPDATE
                    """, logger: logger
                ).decode(UUID.self) {
                    plain += 1
                }
                guard plain == ids.count else {
                    throw StoreError.conditionFailed("who asked was sealed already by another process")
                }
            }
        }
    }

    /// Destroys the keys of `ids` in one statement.
    private static func keysDestroyedQuery(_ ids: [UUID], workspace: UUID) -> PostgresQuery {
        """
        UPDATE subject SET master_key_id = NULL, wrapped_key = NULL WHERE workspace_id = \(workspace) AND id = ANY(\(ids))
        """
    }

    private static func subjectUpdateQuery(_ update: SubjectUpdate, workspace: UUID) -> PostgresQuery {
        switch update {
        case .lastActivity(let id, let date):
            """
            UPDATE subject SET last_activity_at = greatest(last_activity_at, \(date))
            WHERE id = \(id) AND workspace_id = \(workspace)
            """
        case .school(let id, let schoolID):
            "UPDATE subject SET school_id = \(schoolID) WHERE id = \(id) AND workspace_id = \(workspace)"
        case .mergedInto(let id, let survivor):
            """
            UPDATE subject SET merged_into = \(survivor), master_key_id = NULL, wrapped_key = NULL
            WHERE id = \(id) AND workspace_id = \(workspace)
            """
        case .keyDestroyed(let id):
            keysDestroyedQuery([id], workspace: workspace)
        case .rewrapped(let id, let key):
            """
            UPDATE subject SET master_key_id = \(key.masterKeyID), wrapped_key = \(ByteBuffer(data: key.sealed))
            WHERE id = \(id) AND workspace_id = \(workspace) AND wrapped_key IS NOT NULL
            """
        }
    }

    public func workspaceSecrets(in workspaceID: UUID) async throws -> [String: WrappedKey] {
        var secrets: [String: WrappedKey] = [:]
        for try await (purpose, keyID, sealed) in try await client.query(
            "SELECT purpose, master_key_id, sealed FROM workspace_secret WHERE workspace_id = \(workspaceID)",
            logger: logger
        ).decode((String, String, ByteBuffer).self) {
            secrets[purpose] = WrappedKey(masterKeyID: keyID, sealed: Data(buffer: sealed))
        }
        return secrets
    }

    public func subjectIDs(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: [UUID]] {
        guard !indexes.isEmpty else { return [:] }
        var result: [Data: [UUID]] = [:]
        for try await (index, id) in try await client.query(
            """
            SELECT i.blind_index, i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
            WHERE i.workspace_id = \(workspaceID) AND i.blind_index = ANY(\(indexes.map { ByteBuffer(data: $0) }))
            ORDER BY s.created_at, s.id
            """, logger: logger
        ).decode((ByteBuffer, UUID).self) {
            result[Data(buffer: index), default: []].append(id)
        }
        return result
    }

    public func tombstoned(_ indexes: [Data], in workspaceID: UUID) async throws -> Set<Data> {
        guard !indexes.isEmpty else { return [] }
        var result: Set<Data> = []
        for try await index in try await client.query(
            """
            SELECT blind_index FROM tombstone
            WHERE workspace_id = \(workspaceID) AND blind_index = ANY(\(indexes.map { ByteBuffer(data: $0) }))
            """, logger: logger
        ).decode(ByteBuffer.self) {
            result.insert(Data(buffer: index))
        }
        return result
    }

    private static let subjectColumns =
        "id, workspace_id, kind, school_id, master_key_id, wrapped_key, created_at, last_activity_at, merged_into"

    public func subjects(_ ids: [UUID], in workspaceID: UUID) async throws -> [StoredSubject] {
        guard !ids.isEmpty else { return [] }
        var byID: [UUID: StoredSubject] = [:]
        for try await row in try await client.query(
            """
            SELECT \(unescaped: Self.subjectColumns) FROM subject
            WHERE workspace_id = \(workspaceID) AND id = ANY(\(ids))
            """, logger: logger
        ).decode((UUID, UUID, String, UUID?, String?, ByteBuffer?, Date, Date, UUID?).self) {
            let (id, workspace, kind, school, keyID, sealed, created, lastActivity, merged) = row
            byID[id] = StoredSubject(
                id: id, workspaceID: workspace, kind: kind, schoolID: school,
                key: keyID.flatMap { id in sealed.map { WrappedKey(masterKeyID: id, sealed: Data(buffer: $0)) } },
                createdAt: created, lastActivityAt: lastActivity, mergedInto: merged)
        }
        return ids.compactMap { byID[$0] }
    }

    public func subjectIDs(attending eventIndexes: [Data], in workspaceID: UUID) async throws -> [UUID] {
        guard !eventIndexes.isEmpty else { return [] }
        var ids: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT DISTINCT p.subject_id FROM record_part p JOIN subject s ON s.id = p.subject_id
            WHERE p.workspace_id = \(workspaceID) AND p.event_index = ANY(\(eventIndexes.map { ByteBuffer(data: $0) }))
            AND s.wrapped_key IS NOT NULL ORDER BY p.subject_id
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func subjectIDs(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> [UUID] {
        var ids: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT id FROM subject WHERE workspace_id = \(workspaceID) AND school_id = \(schoolID)
            AND merged_into IS NULL AND wrapped_key IS NOT NULL ORDER BY created_at, id
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func subjectIDs(
        inSchool schoolID: UUID, in workspaceID: UUID, newestFirst: Bool, limit: Int, offset: Int
    ) async throws -> [UUID] {
        var ids: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT id FROM subject WHERE workspace_id = \(workspaceID) AND school_id = \(schoolID)
            AND merged_into IS NULL AND wrapped_key IS NOT NULL
            ORDER BY \(unescaped: newestFirst ? "created_at DESC, id DESC" : "created_at, id")
            LIMIT \(limit) OFFSET \(offset)
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func subjectCount(inSchool schoolID: UUID, in workspaceID: UUID) async throws -> Int {
        for try await count in try await client.query(
            """
            SELECT COUNT(*) FROM subject WHERE workspace_id = \(workspaceID) AND school_id = \(schoolID)
            AND merged_into IS NULL AND wrapped_key IS NOT NULL
            """, logger: logger
        ).decode(Int64.self) {
            return Int(count)
        }
        return 0
    }

    public func identifiers(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredIdentifier] {
        var result: [StoredIdentifier] = []
        for try await (index, kind, subject) in try await client.query(
            """
            SELECT blind_index, kind, subject_id FROM subject_identifier
            WHERE workspace_id = \(workspaceID) AND subject_id = \(subjectID) ORDER BY kind
            """, logger: logger
        ).decode((ByteBuffer, String, UUID).self) {
            result.append(StoredIdentifier(index: Data(buffer: index), kind: kind, subjectID: subject))
        }
        return result
    }

    public func sharedIdentifiers(in workspaceID: UUID) async throws -> [[UUID]] {
        var pairs: [(Data, UUID)] = []
        for try await (index, subject) in try await client.query(
            """
            SELECT i.blind_index, i.subject_id FROM subject_identifier i JOIN subject s ON s.id = i.subject_id
            WHERE i.workspace_id = \(workspaceID) AND i.blind_index IN (
                SELECT blind_index FROM subject_identifier WHERE workspace_id = \(workspaceID)
                GROUP BY blind_index HAVING count(*) > 1)
            ORDER BY i.blind_index, s.created_at, s.id
            """, logger: logger
        ).decode((ByteBuffer, UUID).self) {
            pairs.append((Data(buffer: index), subject))
        }
        return SharedIdentifierGroups.groups(pairs)
    }

    public func subjectIDs(
        namedWithAll words: [Data], atSchool schoolID: UUID?, in workspaceID: UUID, limit: Int
    ) async throws -> [UUID] {
        let words = Array(Set(words))
        guard !words.isEmpty else { return [] }
        // The rarest word drives the search; each other word is one index probe per person it finds.
        var rarest = words[0]
        var fewest = Int.max
        for word in words {
            for try await count in try await client.query(
                """
                SELECT COUNT(*) FROM (SELECT 1 FROM name_word WHERE workspace_id = \(workspaceID) AND NOT whole
                AND word = \(ByteBuffer(data: word)) LIMIT \(RecordPartNames.wordCountCap)) capped
                """, logger: logger
            ).decode(Int64.self) where Int(count) < fewest {
                (rarest, fewest) = (word, Int(count))
            }
        }
        guard fewest > 0 else { return [] }
        let others = words.filter { $0 != rarest }.map { ByteBuffer(data: $0) }
        var ids: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT s.id FROM (
                SELECT DISTINCT n.subject_id AS id FROM name_word n WHERE n.workspace_id = \(workspaceID)
                AND NOT n.whole AND n.word = \(ByteBuffer(data: rarest))
                AND (SELECT COUNT(DISTINCT m.word) FROM name_word m WHERE m.workspace_id = n.workspace_id
                    AND NOT m.whole AND m.subject_id = n.subject_id AND m.word = ANY(\(others))) = \(others.count)
            ) found JOIN subject s ON s.id = found.id
            WHERE s.workspace_id = \(workspaceID) AND s.merged_into IS NULL
            AND (\(schoolID)::UUID IS NULL OR s.school_id = \(schoolID))
            ORDER BY s.created_at, s.id LIMIT \(limit)
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func sharedNames(in workspaceID: UUID, including subjectID: UUID?) async throws -> [[UUID]] {
        var pairs: [(Data, UUID)] = []
        for try await (word, school, subject) in try await client.query(
            """
            SELECT n.word, s.school_id, n.subject_id FROM (
                SELECT DISTINCT word, subject_id FROM name_word
                WHERE workspace_id = \(workspaceID) AND whole AND word IN (
                    SELECT word FROM name_word WHERE workspace_id = \(workspaceID) AND whole
                    AND (\(subjectID)::UUID IS NULL OR subject_id = \(subjectID))
                    GROUP BY word HAVING \(subjectID)::UUID IS NOT NULL OR COUNT(DISTINCT subject_id) > 1)
            ) n JOIN subject s ON s.id = n.subject_id
            WHERE s.merged_into IS NULL
            ORDER BY n.word, s.created_at, s.id
            """, logger: logger
        ).decode((ByteBuffer, UUID?, UUID).self) {
            pairs.append((SharedNameKey.key(word: Data(buffer: word), school: school), subject))
        }
        return SharedIdentifierGroups.groups(pairs)
    }

    private static let partColumns = """
        record_id, role, workspace_id, type, subject_id, source_kind, source_name, created_at, updated_at, sealed,
        reidentification, event_index
        """

    /// Earlier versions keep no event index: they are history, never a trainer's reach.
    private static let versionColumns = """
        record_id, role, workspace_id, type, subject_id, source_kind, source_name, created_at, updated_at, sealed,
        reidentification, NULL::BYTEA
        """

    public func recordParts(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [StoredRecordPart] {
        guard !subjectIDs.isEmpty else { return [] }
        return try await Self.parts(
            client.query(
                """
                SELECT \(unescaped: Self.partColumns) FROM record_part
                WHERE workspace_id = \(workspaceID) AND subject_id = ANY(\(subjectIDs))
                AND subject_id IN (SELECT id FROM subject WHERE id = ANY(\(subjectIDs)) AND wrapped_key IS NOT NULL)
                ORDER BY created_at, record_id, role
                """, logger: logger))
    }

    public func recordParts(ofRecord recordID: UUID, in workspaceID: UUID) async throws -> [StoredRecordPart] {
        try await Self.parts(
            client.query(
                """
                SELECT \(unescaped: Self.partColumns) FROM record_part
                WHERE workspace_id = \(workspaceID) AND record_id = \(recordID)
                AND subject_id IN (SELECT id FROM subject WHERE workspace_id = \(workspaceID) AND wrapped_key IS NOT NULL)
                ORDER BY role
                """, logger: logger))
    }

    public func recordStatements(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordStatement] {
        var statements: [StoredRecordStatement] = []
        for try await (id, record, type, subject, request, sealed, addedAt) in try await client.query(
            """
            SELECT id, record_id, type, subject_id, request_id, sealed, added_at FROM record_statement
            WHERE workspace_id = \(workspaceID) AND subject_id = \(subjectID) ORDER BY added_at, id
            """, logger: logger
        ).decode((UUID, UUID, String, UUID, UUID, ByteBuffer, Date).self) {
            statements.append(
                StoredRecordStatement(
                    id: id, recordID: record, type: type, subjectID: subject, requestID: request,
                    sealed: Data(buffer: sealed), addedAt: addedAt))
        }
        return statements
    }

    public func recordPartVersions(
        ofSubject subjectID: UUID, in workspaceID: UUID
    ) async throws -> [StoredRecordPart] {
        try await Self.parts(
            client.query(
                """
                SELECT \(unescaped: Self.versionColumns) FROM record_part_version
                WHERE workspace_id = \(workspaceID) AND subject_id = \(subjectID) ORDER BY sequence
                """, logger: logger))
    }

    public func latestRecordIDs(
        ofType type: String, role: String, subjects: [UUID], in workspaceID: UUID
    ) async throws -> [UUID: UUID] {
        guard !subjects.isEmpty else { return [:] }
        var result: [UUID: UUID] = [:]
        for try await (subject, record) in try await client.query(
            """
            SELECT DISTINCT ON (subject_id) subject_id, record_id FROM record_part
            WHERE workspace_id = \(workspaceID) AND type = \(type) AND role = \(role) AND subject_id = ANY(\(subjects))
            ORDER BY subject_id, created_at DESC, record_id DESC
            """, logger: logger
        ).decode((UUID, UUID).self) {
            result[subject] = record
        }
        return result
    }

    public func schools(in workspaceID: UUID) async throws -> [School] {
        var result: [School] = []
        for try await (id, name, urn, laCode) in try await client.query(
            "SELECT id, name, urn, la_code FROM school WHERE workspace_id = \(workspaceID) ORDER BY name, urn",
            logger: logger
        ).decode((UUID, String, String?, String?).self) {
            result.append(School(id: id, workspaceID: workspaceID, name: name, urn: urn, laCode: laCode))
        }
        return result
    }

    public func subjectKeys(
        notWrappedBy masterKeyID: String, in workspaceID: UUID, limit: Int
    ) async throws -> [(UUID, WrappedKey)] {
        var result: [(UUID, WrappedKey)] = []
        for try await (id, keyID, sealed) in try await client.query(
            """
            SELECT id, master_key_id, wrapped_key FROM subject
            WHERE workspace_id = \(workspaceID) AND wrapped_key IS NOT NULL AND master_key_id <> \(masterKeyID)
            LIMIT \(limit)
            """, logger: logger
        ).decode((UUID, String, ByteBuffer).self) {
            result.append((id, WrappedKey(masterKeyID: keyID, sealed: Data(buffer: sealed))))
        }
        return result
    }

    public func auditEntries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await chainPendingAudit(waiting: true)
        return try await auditEntries(
            client.query(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_entry WHERE sequence > \(sequence)
                ORDER BY sequence LIMIT \(limit)
                """, logger: logger))
    }

    public func auditEntries(ofSubject subjectID: UUID, in workspaceID: UUID, limit: Int) async throws -> [AuditEntry] {
        try await chainPendingAudit(waiting: true)
        return try await auditEntries(
            client.query(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_entry
                WHERE sequence IN (
                    SELECT sequence FROM audit_entry WHERE workspace_id = \(workspaceID) AND subject_id = \(subjectID)
                    UNION ALL
                    SELECT sequence FROM audit_shown WHERE workspace_id = \(workspaceID) AND subject_id = \(subjectID))
                ORDER BY sequence DESC LIMIT \(limit)
                """, logger: logger))
    }

    public func auditEntries(
        in workspaceID: UUID, matching query: AuditQuery, limit: Int
    ) async throws -> [AuditEntry] {
        try await chainPendingAudit(waiting: true)
        let family = query.actionFamily
        let action = query.actionFamily == nil ? query.action : nil
        return try await auditEntries(
            client.query(
                """
                SELECT \(unescaped: Self.auditColumns) FROM audit_entry
                WHERE workspace_id = \(workspaceID)
                AND (\(query.subjectID)::uuid IS NULL OR subject_id = \(query.subjectID) OR sequence IN (
                    SELECT sequence FROM audit_shown
                    WHERE workspace_id = \(workspaceID) AND subject_id = \(query.subjectID)))
                AND (\(query.actor)::text IS NULL OR actor = \(query.actor))
                AND (\(action)::text IS NULL OR action = \(action))
                AND (\(family)::text IS NULL OR left(action, char_length(\(family)::text)) = \(family))
                AND (\(query.from.map(AuditQuery.milliseconds))::bigint IS NULL OR time_ms >= \(query.from.map(AuditQuery.milliseconds)))
                AND (\(query.until.map(AuditQuery.milliseconds))::bigint IS NULL OR time_ms < \(query.until.map(AuditQuery.milliseconds)))
                AND (\(query.before)::bigint IS NULL OR sequence < \(query.before))
                ORDER BY sequence DESC LIMIT \(limit)
                """, logger: logger))
    }

    public func auditCount(in workspaceID: UUID, matching query: AuditQuery, cap: Int) async throws -> Int {
        try await chainPendingAudit(waiting: true)
        let family = query.actionFamily
        let action = query.actionFamily == nil ? query.action : nil
        let rows = try await client.query(
            """
            SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry
            WHERE workspace_id = \(workspaceID)
            AND (\(query.subjectID)::uuid IS NULL OR subject_id = \(query.subjectID) OR sequence IN (
                SELECT sequence FROM audit_shown WHERE workspace_id = \(workspaceID) AND subject_id = \(query.subjectID)))
            AND (\(query.actor)::text IS NULL OR actor = \(query.actor))
            AND (\(action)::text IS NULL OR action = \(action))
            AND (\(family)::text IS NULL OR left(action, char_length(\(family)::text)) = \(family))
            AND (\(query.from.map(AuditQuery.milliseconds))::bigint IS NULL OR time_ms >= \(query.from.map(AuditQuery.milliseconds)))
            AND (\(query.until.map(AuditQuery.milliseconds))::bigint IS NULL OR time_ms < \(query.until.map(AuditQuery.milliseconds)))
            LIMIT \(cap)) AS matched
            """, logger: logger)
        for try await count in rows.decode(Int64.self) { return Int(count) }
        return 0
    }

    private static let auditColumns = """
        sequence, workspace_id, time_ms, actor, action, purpose, reason, subject_id, record_id, detail, previous_hash, hash,
        key_id, shown
        """

    private func auditEntries(_ rows: PostgresRowSequence) async throws -> [AuditEntry] {
        var result: [AuditEntry] = []
        for try await row in rows.decode(
            (
                Int64, UUID?, Int64, String, String, String?, String?, UUID?, UUID?, String?, ByteBuffer, ByteBuffer,
                String?, [UUID]?
            ).self)
        {
            let (
                number, workspace, milliseconds, actor, action, purpose, reason, subject, record, detail, previous,
                hash, keyID, shown
            ) = row
            result.append(
                AuditEntry(
                    sequence: number,
                    event: AuditEvent(
                        workspaceID: workspace, time: Date(timeIntervalSince1970: Double(milliseconds) / 1000),
                        actor: actor, action: action, purpose: purpose, reason: reason, subjectID: subject,
                        recordID: record, detail: detail, shown: shown ?? []),
                    previousHash: Data(buffer: previous), hash: Data(buffer: hash), keyID: keyID))
        }
        return result
    }

    public func auditKeyedFrom() async throws -> Int64? {
        try await chainPendingAudit(waiting: true)
        for try await keyedFrom in try await client.query(
            "SELECT keyed_from FROM audit_head WHERE id = 1", logger: logger
        ).decode(Int64?.self) {
            return keyedFrom
        }
        return nil
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpoint? {
        let rows = try await client.query(
            """
            SELECT sequence, previous_hash, last_anchored, checked, keyed_from, anchor_sequence, anchor_hash,
            made_at_ms, key_id, signature FROM audit_checkpoint ORDER BY sequence DESC LIMIT 1
            """, logger: logger)
        for try await (
            sequence, previous, lastAnchored, checked, keyedFrom, anchorSequence, anchorHash, made, key, signature
        )
            in rows.decode(
                (Int64, ByteBuffer, Int64?, Int64, Int64?, Int64?, ByteBuffer?, Int64, String, ByteBuffer).self)
        {
            return AuditCheckpoint(
                position: AuditVerifier.Position(
                    nextSequence: sequence + 1, previousHash: Data(buffer: previous), lastAnchored: lastAnchored,
                    checked: Int(checked), keyedFrom: keyedFrom,
                    anchor: anchorSequence.flatMap { anchor in
                        anchorHash.map { AuditAnchor(sequence: anchor, hash: Data(buffer: $0)) }
                    }),
                madeAt: Date(timeIntervalSince1970: Double(made) / 1000), keyID: key, signature: Data(buffer: signature)
            )
        }
        return nil
    }

    public func recordAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws {
        let position = checkpoint.position
        try await client.query(
            """
            INSERT INTO audit_checkpoint (sequence, previous_hash, last_anchored, checked, keyed_from, anchor_sequence,
            anchor_hash, made_at_ms, key_id, signature) VALUES (
                \(checkpoint.sequence), \(ByteBuffer(data: position.previousHash)), \(position.lastAnchored),
                \(Int64(position.checked)), \(position.keyedFrom), \(position.anchor?.sequence),
                \(position.anchor.map { ByteBuffer(data: $0.hash) }), \(AuditQuery.milliseconds(checkpoint.madeAt)),
                \(checkpoint.keyID), \(ByteBuffer(data: checkpoint.signature)))
            ON CONFLICT (sequence) DO UPDATE SET previous_hash = excluded.previous_hash,
                    last_anchored = excluded.last_anchored, checked = excluded.checked, keyed_from = excluded.keyed_from,
                    anchor_sequence = excluded.anchor_sequence, anchor_hash = excluded.anchor_hash,
                    made_at_ms = excluded.made_at_ms, key_id = excluded.key_id, signature = excluded.signature
            """, logger: logger)
    }

    public func discardAuditCheckpoints(from sequence: Int64) async throws {
        try await client.query("DELETE FROM audit_checkpoint WHERE sequence >= \(sequence)", logger: logger)
    }

    public func auditHead() async throws -> (sequence: Int64, hash: Data)? {
        try await chainPendingAudit(waiting: true)
        for try await (sequence, hash) in try await client.query(
            "SELECT sequence, hash FROM audit_head WHERE id = 1", logger: logger
        ).decode((Int64, ByteBuffer).self) where sequence > 0 {
            return (sequence, Data(buffer: hash))
        }
        return nil
    }

    private static func parts(_ rows: PostgresRowSequence) async throws -> [StoredRecordPart] {
        var result: [StoredRecordPart] = []
        for try await row in rows.decode(
            (UUID, String, UUID, String, UUID, String, String?, Date, Date, ByteBuffer, ByteBuffer?, ByteBuffer?).self)
        {
            let (
                record, role, workspace, type, subject, sourceKind, sourceName, created, updated, sealed, reid, event
            ) =
                row
            guard let kind = RecordSource.Kind(rawValue: sourceKind) else {
                throw StoreError.corruptData("a record's source kind is unknown")
            }
            result.append(
                StoredRecordPart(
                    recordID: record, role: role, workspaceID: workspace, type: type, subjectID: subject,
                    source: RecordSource(kind: kind, name: sourceName), createdAt: created, updatedAt: updated,
                    sealed: Data(buffer: sealed), reidentification: reid.map { Data(buffer: $0) },
                    eventIndex: event.map { Data(buffer: $0) }))
        }
        return result
    }

    public func erasureJournal() async throws -> [ErasureJournalEntry] {
        var entries: [ErasureJournalEntry] = []
        for try await (workspace, subject, types, erasedAt, request, byRetention) in try await client.query(
            """
            SELECT workspace_id, subject_id, record_types, erased_at, request_id, by_retention FROM erasure_journal
            ORDER BY sequence
            """,
            logger: logger
        ).decode((UUID, UUID, String?, Date, UUID?, Bool).self) {
            entries.append(
                ErasureJournalEntry(
                    workspaceID: workspace, subjectID: subject, recordTypes: try NameListColumn.stored(types),
                    erasedAt: erasedAt, requestID: request, byRetention: byRetention))
        }
        return entries
    }
}
