public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's consent entries, processing states and suppressions.
    static func applyContactChanges(
        _ changes: ContactChanges, workspace: String, _ db: Database, stored: (Date) -> DatabaseValue
    ) throws {
        for entry in changes.consentEntries {
            try db.cachedStatement(
                bound: """
                    INSERT INTO consent_entry (id, workspace_id, subject_id, purpose, channel, list, action, wording,
                    policy_version, source, recorded_by, recorded_at) VALUES (
                        \(entry.id), \(workspace), \(entry.subjectID), \(entry.purpose), \(entry.channel?.rawValue),
                        \(entry.list), \(entry.action.rawValue), \(entry.wording), \(entry.policyVersion),
                        \(entry.source.rawValue), \(entry.recordedBy), \(stored(entry.recordedAt)))
                    """
            ).execute()
        }
        for entry in changes.processingStates {
            try db.cachedStatement(
                bound: """
                    INSERT INTO processing_state_entry (id, workspace_id, subject_id, purpose, state, reason,
                    recorded_by, recorded_at) VALUES (
                        \(entry.id), \(workspace), \(entry.subjectID), \(entry.purpose), \(entry.state.rawValue),
                        \(entry.reason), \(entry.recordedBy), \(stored(entry.recordedAt)))
                    """
            ).execute()
        }
        for suppression in changes.suppressions {
            try db.cachedStatement(
                bound: """
                    INSERT INTO suppression (workspace_id, blind_index, kind, scope, reason, recorded_by, recorded_at)
                    VALUES (
                        \(workspace), \(suppression.index), \(suppression.kind), \(suppression.scope.rawValue),
                        \(suppression.reason.rawValue), \(suppression.recordedBy), \(stored(suppression.recordedAt)))
                    ON CONFLICT (workspace_id, blind_index) DO UPDATE SET scope = excluded.scope,
                    reason = excluded.reason, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                    WHERE suppression.scope = 'marketing' AND excluded.scope = 'all'
                    """
            ).execute()
        }
        for record in changes.cookieConsents {
            try db.execute(
                literal: """
                    INSERT INTO cookie_consent (id, workspace_id, visitor_id, accepted, register_fingerprint,
                    policy_version, recorded_at) VALUES (
                        \(record.id), \(workspace), \(record.visitorID),
                        \(record.accepted.map(\.rawValue).joined(separator: " ")), \(record.registerFingerprint),
                        \(record.policyVersion), \(stored(record.recordedAt)))
                    """)
        }
        for index in changes.suppressionsLifted {
            try db.cachedStatement(
                bound: """
                    DELETE FROM suppression WHERE workspace_id = \(workspace) AND blind_index = \(index)
                    AND reason IN ('opt_out', 'objection')
                    """
            ).execute()
        }
    }

    public func contactFacts(ofSubject id: UUID, in workspaceID: UUID) async throws -> StoredContactFacts? {
        try readCache.value(.contactFacts(workspace: workspaceID, subject: id)) { try contactFactsNow(id, workspaceID) }
    }

    public func subjectForUse(_ id: UUID, in workspaceID: UUID) async throws -> StoredSubjectForUse? {
        try readNow { db in
            let workspace = workspaceID.uuidString
            guard let (subject, consents, processing) = try Self.standing(id, workspace, db) else { return nil }
            let identifiers = try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT blind_index, kind, subject_id FROM subject_identifier
                        WHERE workspace_id = \(workspace) AND subject_id = \(id) ORDER BY kind
                        """)
            ).map { StoredIdentifier(index: $0["blind_index"], kind: $0["kind"], subjectID: $0["subject_id"]) }
            let parts = try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM record_part WHERE subject_id = \(id) AND workspace_id = \(workspace)
                        ORDER BY created_at, record_id, role
                        """)
            ).map(Self.part)
            return StoredSubjectForUse(
                subject: subject, consents: consents, processing: processing, identifiers: identifiers, parts: parts,
                statements: try Self.recordStatements(id, workspace, db))
        }
    }

    /// One person, their consent entries and their processing states, read inside `db`.
    private static func standing(
        _ id: UUID, _ workspace: String, _ db: Database
    ) throws -> (StoredSubject, [ConsentEntry], [ProcessingStateEntry])? {
        guard
            let subject = try Row.fetchOne(
                db.cachedStatement(bound: "SELECT * FROM subject WHERE id = \(id) AND workspace_id = \(workspace)")
            ).map(Self.subject)
        else { return nil }
        let consents = try Row.fetchAll(
            db.cachedStatement(
                bound: """
                    SELECT * FROM consent_entry WHERE subject_id = \(id) AND workspace_id = \(workspace)
                    ORDER BY sequence
                    """)
        ).map(Self.consentEntry)
        let processing = try Row.fetchAll(
            db.cachedStatement(
                bound: """
                    SELECT * FROM processing_state_entry WHERE subject_id = \(id) AND workspace_id = \(workspace)
                    ORDER BY sequence
                    """)
        ).map(Self.processingState)
        return (subject, consents, processing)
    }

    private func contactFactsNow(_ id: UUID, _ workspaceID: UUID) throws -> StoredContactFacts? {
        try readNow { db in
            let workspace = workspaceID.uuidString
            guard let (subject, consents, processing) = try Self.standing(id, workspace, db) else { return nil }
            let scopes = try String.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT s.scope FROM subject_identifier i JOIN suppression s
                        ON s.workspace_id = i.workspace_id AND s.blind_index = i.blind_index
                        WHERE i.subject_id = \(id) AND i.workspace_id = \(workspace)
                        """))
            // A destroyed key's parts are sealed for good, though not yet purged: no records held.
            let types =
                subject.key == nil
                ? []
                : try String.fetchAll(
                    db.cachedStatement(
                        bound: """
                            SELECT DISTINCT type FROM record_part WHERE subject_id = \(id) AND workspace_id = \(workspace)
                            """))
            return StoredContactFacts(
                subject: subject, consents: consents, processing: processing,
                suppression: try scopes.map { try Self.keyword($0, "suppression scope") as SuppressionScope }.max(),
                recordTypes: Set(types))
        }
    }

    public func cookieConsents(ofVisitor visitorID: UUID, in workspaceID: UUID) async throws -> [CookieConsentRecord] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM cookie_consent WHERE visitor_id = \(visitorID)
                    AND workspace_id = \(workspaceID.uuidString) ORDER BY recorded_at, rowid
                    """
            ).fetchAll(db).map { row in
                let accepted: String = row["accepted"]
                return CookieConsentRecord(
                    id: row["id"], visitorID: row["visitor_id"],
                    accepted: try accepted.split(separator: " ").map {
                        try Self.keyword(String($0), "cookie category")
                    },
                    registerFingerprint: row["register_fingerprint"], policyVersion: row["policy_version"],
                    recordedAt: row["recorded_at"])
            }
        }
    }

    public func consentEntries(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [ConsentEntry] {
        guard !subjectIDs.isEmpty else { return [] }
        return try readNow { db in
            try subjectIDs.flatMap { id in
                try Row.fetchAll(
                    db.cachedStatement(
                        bound: """
                            SELECT * FROM consent_entry
                            WHERE subject_id = \(id) AND workspace_id = \(workspaceID.uuidString) ORDER BY sequence
                            """)
                ).map(Self.consentEntry)
            }
        }
    }

    public func consentActs(
        forPurpose purpose: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [ConsentAct] {
        try await pool.read { db in
            var acts: [ConsentAct] = []
            // One scan of the consent_entry_audience index, which holds every column read, in order;
            // columns read from SQLite directly (GRDB's row decoding was most of the cost).
            let statement = try db.cachedStatement(
                bound: """
                    SELECT id, subject_id, channel, list, action = 'given' FROM consent_entry
                    WHERE workspace_id = \(workspaceID.uuidString) AND purpose = \(purpose)
                    AND subject_id > \(stretch.lowestBlob) AND subject_id <= \(stretch.highestBlob)
                    ORDER BY subject_id, recorded_at, sequence
                    """)
            let rows = try Row.fetchCursor(statement)
            while try rows.next() != nil {
                let row = statement.sqliteStatement
                guard let id = SQLiteColumn.uuid(row, 0), let subject = SQLiteColumn.uuid(row, 1) else {
                    throw StoreError.corruptData("a consent entry's id is not a UUID")
                }
                acts.append(
                    ConsentAct(
                        id: id, subjectID: subject,
                        channel: SQLiteColumn.text(row, 2).flatMap(MarketingChannel.init(rawValue:)),
                        list: SQLiteColumn.text(row, 3), action: SQLiteColumn.int64(row, 4) == 1 ? .given : .withdrawn))
            }
            return acts
        }
    }

    public func processingStates(
        ofSubjects subjectIDs: [UUID], in workspaceID: UUID
    ) async throws -> [ProcessingStateEntry] {
        guard !subjectIDs.isEmpty else { return [] }
        return try readNow { db in
            try subjectIDs.flatMap { id in
                try Row.fetchAll(
                    db.cachedStatement(
                        bound: """
                            SELECT * FROM processing_state_entry
                            WHERE subject_id = \(id) AND workspace_id = \(workspaceID.uuidString) ORDER BY sequence
                            """)
                ).map(Self.processingState)
            }
        }
    }

    public func processingStates(
        in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [ProcessingStateEntry] {
        try await pool.read { db in
            // A stretch is read through the index by person; the whole workspace through the one by
            // workspace, which SQLite would otherwise choose for a stretch as well.
            let statement =
                stretch == .all
                ? try db.cachedStatement(
                    bound: """
                        SELECT * FROM processing_state_entry WHERE workspace_id = \(workspaceID.uuidString)
                        ORDER BY subject_id, sequence
                        """)
                : try db.cachedStatement(
                    bound: """
                        SELECT * FROM processing_state_entry INDEXED BY processing_state_entry_subject
                        WHERE workspace_id = \(workspaceID.uuidString)
                        AND subject_id > \(stretch.lowestBlob) AND subject_id <= \(stretch.highestBlob)
                        ORDER BY subject_id, sequence
                        """)
            return try Row.fetchAll(statement).map(Self.processingState)
        }
    }

    public func suppressions(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: SuppressionScope]
    {
        guard !indexes.isEmpty else { return [:] }
        return try readNow { db in
            var result: [Data: SuppressionScope] = [:]
            for run in IDRuns(Array(Set(indexes))) {
                let rows = try Row.fetchCursor(
                    db.cachedStatement(
                        bound: """
                            SELECT blind_index, scope FROM suppression
                            WHERE workspace_id = \(workspaceID.uuidString) AND blind_index IN \(list: run)
                            """))
                while let row = try rows.next() {
                    result[row[0] as Data] = try Self.keyword(row[1] as String, "suppression scope")
                }
            }
            return result
        }
    }

    public func suppressedSubjects(in workspaceID: UUID) async throws -> [UUID: SuppressionScope] {
        // CROSS JOIN keeps the (short) suppression list outside: one index probe per address on it,
        // not one per identifier in the workspace.
        try await pool.read { db in
            var result: [UUID: SuppressionScope] = [:]
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT i.subject_id, s.scope FROM suppression s CROSS JOIN subject_identifier i
                    ON i.workspace_id = s.workspace_id AND i.blind_index = s.blind_index
                    WHERE s.workspace_id = \(workspaceID.uuidString)
                    """
            ).fetchCursor(db)
            while let row = try rows.next() {
                let scope: SuppressionScope = try Self.keyword(row[1], "suppression scope")
                let subject: UUID = row[0]
                result[subject] = max(result[subject] ?? scope, scope)
            }
            return result
        }
    }

    public func suppressionCounts(in workspaceID: UUID) async throws -> [SuppressionReason: Int] {
        try await pool.read { db in
            var result: [SuppressionReason: Int] = [:]
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT reason, count(*) AS n FROM suppression WHERE workspace_id = \(workspaceID.uuidString)
                    GROUP BY reason
                    """
            ).fetchAll(db) {
                result[try Self.keyword(row["reason"], "suppression reason")] = row["n"]
            }
            return result
        }
    }

    public func subjectIDs(
        withRecordsOfTypes types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        guard !types.isEmpty else { return [] }
        return try await pool.read { db in
            // The people of the stretch erased or merged away, from the index of them alone.
            let gone = try Set(
                UUID.fetchAll(
                    db.cachedStatement(
                        bound: """
                            SELECT id FROM subject INDEXED BY subject_gone WHERE workspace_id = \(workspaceID.uuidString)
                            AND (merged_into IS NOT NULL OR wrapped_key IS NULL)
                            AND id > \(stretch.lowestBlob) AND id <= \(stretch.highestBlob)
                            """)))
            // Each type is read in order from its index; a person with several records comes
            // several times in a row (cheaper to skip here than to ask SQLite for DISTINCT).
            var result: [UUID] = []
            for type in Set(types) {
                let statement = try db.cachedStatement(
                    bound: """
                        SELECT subject_id FROM record_part
                        WHERE type = \(type) AND workspace_id = \(workspaceID.uuidString)
                        AND subject_id > \(stretch.lowestBlob) AND subject_id <= \(stretch.highestBlob)
                        ORDER BY subject_id
                        """)
                let rows = try Row.fetchCursor(statement)
                var last: UUID?
                while try rows.next() != nil {
                    guard let id = SQLiteColumn.uuid(statement.sqliteStatement, 0) else {
                        throw StoreError.corruptData("a record's subject id is not a UUID")
                    }
                    if id != last, !gone.contains(id) { result.append(id) }
                    last = id
                }
            }
            return Set(types).count == 1 ? result : SubjectOrder.sortedUnique(result)
        }
    }

    public func subjectIDs(
        withIdentifierKind kind: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        try await pool.read { db in
            var result: [UUID] = []
            // A stretch through the index by person, in order; the whole workspace through its
            // primary key, then sorted.
            let statement =
                stretch == .all
                ? try db.cachedStatement(
                    bound: """
                        SELECT subject_id FROM subject_identifier
                        WHERE workspace_id = \(workspaceID.uuidString) AND kind = \(kind)
                        """)
                : try db.cachedStatement(
                    bound: """
                        SELECT subject_id FROM subject_identifier INDEXED BY subject_identifier_subject
                        WHERE workspace_id = \(workspaceID.uuidString) AND kind = \(kind)
                        AND subject_id > \(stretch.lowestBlob) AND subject_id <= \(stretch.highestBlob)
                        ORDER BY subject_id
                        """)
            let rows = try Row.fetchCursor(statement)
            while try rows.next() != nil {
                guard let id = SQLiteColumn.uuid(statement.sqliteStatement, 0) else {
                    throw StoreError.corruptData("an identifier's subject id is not a UUID")
                }
                result.append(id)
            }
            return SubjectOrder.sortedUnique(result)
        }
    }

    public func subjectStretchEnd(
        holding types: [String], after: UUID?, size: Int, in workspaceID: UUID
    ) async throws -> UUID? {
        precondition(size > 0, "a stretch holds at least one part")
        let lowest = SubjectStretch(after: after, through: nil).lowestBlob
        return try await pool.read { db in
            var end: UUID?
            for type in Set(types) {
                // The index on (type, workspace, subject) is stepped through, not sorted.
                guard
                    let id = try UUID.fetchOne(
                        db.cachedStatement(
                            bound: """
                                SELECT subject_id FROM record_part
                                WHERE type = \(type) AND workspace_id = \(workspaceID.uuidString)
                                AND subject_id > \(lowest) ORDER BY subject_id LIMIT 1 OFFSET \(size - 1)
                                """))
                else { continue }
                if end.map({ SubjectOrder.precedes(id, $0) }) ?? true { end = id }
            }
            return end
        }
    }

    static func keyword<K: RawRepresentable<String>>(_ raw: String, _ what: String) throws -> K {
        guard let value = K(rawValue: raw) else { throw StoreError.corruptData("a \(what) reads '\(raw)'") }
        return value
    }

    private static func consentEntry(_ row: Row) throws -> ConsentEntry {
        let channel: String? = row["channel"]
        return ConsentEntry(
            id: row["id"], subjectID: row["subject_id"], purpose: row["purpose"],
            channel: try channel.map { try keyword($0, "consent channel") }, list: row["list"],
            action: try keyword(row["action"], "consent action"), wording: row["wording"],
            policyVersion: row["policy_version"], source: try keyword(row["source"], "consent source"),
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }

    private static func processingState(_ row: Row) throws -> ProcessingStateEntry {
        ProcessingStateEntry(
            id: row["id"], subjectID: row["subject_id"], purpose: row["purpose"],
            state: try keyword(row["state"], "processing state"), reason: row["reason"],
            recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
    }
}
