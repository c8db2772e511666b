public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's consent entries, processing states and suppressions.
    static func applyContactChanges(
        _ changes: ContactChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for entry in changes.consentEntries {
            try await connection.query(
                """
                INSERT INTO consent_entry (id, workspace_id, subject_id, purpose, channel, list, action, wording,
                policy_version, source, recorded_by, recorded_at)
                VALUES (\(entry.id), \(workspace), \(entry.subjectID), \(entry.purpose), \(entry.channel?.rawValue),
                \(entry.list), \(entry.action.rawValue), \(entry.wording), \(entry.policyVersion),
                \(entry.source.rawValue), \(entry.recordedBy), \(entry.recordedAt))
                """, logger: logger)
        }
        for entry in changes.processingStates {
            try await connection.query(
                """
                INSERT INTO processing_state_entry (id, workspace_id, subject_id, purpose, state, reason, recorded_by,
                recorded_at)
                VALUES (\(entry.id), \(workspace), \(entry.subjectID), \(entry.purpose), \(entry.state.rawValue),
                \(entry.reason), \(entry.recordedBy), \(entry.recordedAt))
                """, logger: logger)
        }
        for suppression in changes.suppressions {
            try await connection.query(
                """
                INSERT INTO suppression (workspace_id, blind_index, kind, scope, reason, recorded_by, recorded_at)
                VALUES (\(workspace), \(ByteBuffer(data: suppression.index)), \(suppression.kind),
                \(suppression.scope.rawValue), \(suppression.reason.rawValue), \(suppression.recordedBy),
                \(suppression.recordedAt))
                ON CONFLICT (workspace_id, blind_index) DO UPDATE SET scope = excluded.scope,
                reason = excluded.reason, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
                WHERE suppression.scope = 'marketing' AND excluded.scope = 'all'
                """, logger: logger)
        }
        for record in changes.cookieConsents {
            try await connection.query(
                """
                INSERT INTO cookie_consent (id, workspace_id, visitor_id, accepted, register_fingerprint, policy_version,
                recorded_at)
                VALUES (\(record.id), \(workspace), \(record.visitorID),
                \(record.accepted.map(\.rawValue).joined(separator: " ")), \(record.registerFingerprint),
                \(record.policyVersion), \(record.recordedAt))
                """, logger: logger)
        }
        if !changes.suppressionsLifted.isEmpty {
            try await connection.query(
                """
                DELETE FROM suppression WHERE workspace_id = \(workspace)
                AND blind_index = ANY(\(changes.suppressionsLifted.map { ByteBuffer(data: $0) }))
                AND reason IN ('opt_out', 'objection')
                """, logger: logger)
        }
    }

    public func cookieConsents(ofVisitor visitorID: UUID, in workspaceID: UUID) async throws -> [CookieConsentRecord] {
        var result: [CookieConsentRecord] = []
        for try await (id, visitor, accepted, fingerprint, version, at) in try await client.query(
            """
            SELECT id, visitor_id, accepted, register_fingerprint, policy_version, recorded_at FROM cookie_consent
            WHERE visitor_id = \(visitorID) AND workspace_id = \(workspaceID) ORDER BY recorded_at
            """, logger: logger
        ).decode((UUID, UUID, String, String, Int, Date).self) {
            result.append(
                CookieConsentRecord(
                    id: id, visitorID: visitor,
                    accepted: try accepted.split(separator: " ").map {
                        try Self.keyword(String($0), "cookie category")
                    },
                    registerFingerprint: fingerprint, policyVersion: version, recordedAt: at))
        }
        return result
    }

    public func contactFacts(ofSubject id: UUID, in workspaceID: UUID) async throws -> StoredContactFacts? {
        guard let subject = try await subjects([id], in: workspaceID).first else { return nil }
        async let consents = consentEntries(ofSubjects: [id], in: workspaceID)
        async let processing = processingStates(ofSubjects: [id], in: workspaceID)
        var scopes: [SuppressionScope] = []
        for try await raw in try await client.query(
            """
            SELECT s.scope FROM subject_identifier i JOIN suppression s
            ON s.workspace_id = i.workspace_id AND s.blind_index = i.blind_index
            WHERE i.subject_id = \(id) AND i.workspace_id = \(workspaceID)
            """, logger: logger
        ).decode(String.self) {
            scopes.append(try Self.keyword(raw, "suppression scope"))
        }
        // A destroyed key's parts are sealed for good, though not yet purged: no records held.
        var types: Set<String> = []
        if subject.key != nil {
            for try await type in try await client.query(
                "SELECT DISTINCT type FROM record_part WHERE subject_id = \(id) AND workspace_id = \(workspaceID)",
                logger: logger
            ).decode(String.self) {
                types.insert(type)
            }
        }
        return StoredContactFacts(
            subject: subject, consents: try await consents, processing: try await processing,
            suppression: scopes.max(), recordTypes: types)
    }

    public func subjectForUse(_ id: UUID, in workspaceID: UUID) async throws -> StoredSubjectForUse? {
        guard let subject = try await subjects([id], in: workspaceID).first else { return nil }
        async let consents = consentEntries(ofSubjects: [id], in: workspaceID)
        async let processing = processingStates(ofSubjects: [id], in: workspaceID)
        async let identifiers = identifiers(ofSubject: id, in: workspaceID)
        async let parts = recordParts(ofSubjects: [id], in: workspaceID)
        async let statements = recordStatements(ofSubject: id, in: workspaceID)
        return StoredSubjectForUse(
            subject: subject, consents: try await consents, processing: try await processing,
            identifiers: try await identifiers, parts: try await parts, statements: try await statements)
    }

    private static let consentColumns = """
        SELECT id, subject_id, purpose, channel, list, action, wording, policy_version, source, recorded_by,
        recorded_at FROM consent_entry
        """

    public func consentEntries(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [ConsentEntry] {
        guard !subjectIDs.isEmpty else { return [] }
        return try await consentEntries(
            client.query(
                """
                \(unescaped: Self.consentColumns)
                WHERE workspace_id = \(workspaceID) AND subject_id = ANY(\(subjectIDs)) ORDER BY sequence
                """, logger: logger))
    }

    private func consentEntries(_ rows: PostgresRowSequence) async throws -> [ConsentEntry] {
        var result: [ConsentEntry] = []
        for try await (id, subjectID, purpose, channel, list, action, wording, version, source, by, at) in rows.decode(
            (UUID, UUID, String, String?, String?, String, String?, Int, String, String, Date).self)
        {
            result.append(
                ConsentEntry(
                    id: id, subjectID: subjectID, purpose: purpose,
                    channel: try channel.map { try Self.keyword($0, "consent channel") }, list: list,
                    action: try Self.keyword(action, "consent action"), wording: wording, policyVersion: version,
                    source: try Self.keyword(source, "consent source"), recordedBy: by, recordedAt: at))
        }
        return result
    }

    public func consentActs(
        forPurpose purpose: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [ConsentAct] {
        var acts: [ConsentAct] = []
        for try await (id, subject, channel, list, action) in try await client.query(
            """
            SELECT id, subject_id, channel, list, action FROM consent_entry
            WHERE purpose = \(purpose) AND workspace_id = \(workspaceID)
            AND (\(stretch.after)::uuid IS NULL OR subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR subject_id <= \(stretch.through))
            ORDER BY subject_id, recorded_at, sequence
            """, logger: logger
        ).decode((UUID, UUID, String?, String?, String).self) {
            acts.append(
                ConsentAct(
                    id: id, subjectID: subject, channel: try channel.map { try Self.keyword($0, "consent channel") },
                    list: list, action: try Self.keyword(action, "consent action")))
        }
        return acts
    }

    private static let processingColumns = """
        SELECT id, subject_id, purpose, state, reason, recorded_by, recorded_at FROM processing_state_entry
        """

    public func processingStates(
        ofSubjects subjectIDs: [UUID], in workspaceID: UUID
    ) async throws -> [ProcessingStateEntry] {
        guard !subjectIDs.isEmpty else { return [] }
        return try await processingStates(
            client.query(
                """
                \(unescaped: Self.processingColumns)
                WHERE workspace_id = \(workspaceID) AND subject_id = ANY(\(subjectIDs)) ORDER BY sequence
                """, logger: logger))
    }

    public func processingStates(
        in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [ProcessingStateEntry] {
        try await processingStates(
            client.query(
                """
                \(unescaped: Self.processingColumns) WHERE workspace_id = \(workspaceID)
                AND (\(stretch.after)::uuid IS NULL OR subject_id > \(stretch.after))
                AND (\(stretch.through)::uuid IS NULL OR subject_id <= \(stretch.through))
                ORDER BY subject_id, sequence
                """, logger: logger))
    }

    private func processingStates(_ rows: PostgresRowSequence) async throws -> [ProcessingStateEntry] {
        var result: [ProcessingStateEntry] = []
        for try await (id, subjectID, purpose, state, reason, by, at) in rows.decode(
            (UUID, UUID, String?, String, String, String, Date).self)
        {
            result.append(
                ProcessingStateEntry(
                    id: id, subjectID: subjectID, purpose: purpose, state: try Self.keyword(state, "processing state"),
                    reason: reason, recordedBy: by, recordedAt: at))
        }
        return result
    }

    public func suppressions(forIndexes indexes: [Data], in workspaceID: UUID) async throws -> [Data: SuppressionScope]
    {
        guard !indexes.isEmpty else { return [:] }
        var result: [Data: SuppressionScope] = [:]
        for try await (index, scope) in try await client.query(
            """
            SELECT blind_index, scope FROM suppression
            WHERE workspace_id = \(workspaceID) AND blind_index = ANY(\(indexes.map { ByteBuffer(data: $0) }))
            """, logger: logger
        ).decode((ByteBuffer, String).self) {
            result[Data(buffer: index)] = try Self.keyword(scope, "suppression scope")
        }
        return result
    }

    public func suppressedSubjects(in workspaceID: UUID) async throws -> [UUID: SuppressionScope] {
        var result: [UUID: SuppressionScope] = [:]
        for try await (subject, raw) in try await client.query(
            """
            SELECT i.subject_id, s.scope FROM suppression s JOIN subject_identifier i
            ON i.workspace_id = s.workspace_id AND i.blind_index = s.blind_index WHERE s.workspace_id = \(workspaceID)
            """, logger: logger
        ).decode((UUID, String).self) {
            let scope: SuppressionScope = try Self.keyword(raw, "suppression scope")
            result[subject] = max(result[subject] ?? scope, scope)
        }
        return result
    }

    public func suppressionCounts(in workspaceID: UUID) async throws -> [SuppressionReason: Int] {
        var result: [SuppressionReason: Int] = [:]
        for try await (reason, count) in try await client.query(
            "SELECT reason, count(*) FROM suppression WHERE workspace_id = \(workspaceID) GROUP BY reason",
            logger: logger
        ).decode((String, Int).self) {
            result[try Self.keyword(reason, "suppression reason")] = count
        }
        return result
    }

    public func subjectIDs(
        withRecordsOfTypes types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        guard !types.isEmpty else { return [] }
        var result: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT DISTINCT p.subject_id FROM record_part p JOIN subject s ON s.id = p.subject_id
            WHERE p.workspace_id = \(workspaceID) AND p.type = ANY(\(types))
            AND (\(stretch.after)::uuid IS NULL OR p.subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR p.subject_id <= \(stretch.through))
            AND s.merged_into IS NULL AND s.wrapped_key IS NOT NULL
            """, logger: logger
        ).decode(UUID.self) {
            result.append(id)
        }
        return SubjectOrder.sortedUnique(result)
    }

    public func subjectIDs(
        withIdentifierKind kind: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        var result: [UUID] = []
        for try await id in try await client.query(
            """
            SELECT DISTINCT subject_id FROM subject_identifier WHERE workspace_id = \(workspaceID) AND kind = \(kind)
            AND (\(stretch.after)::uuid IS NULL OR subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR subject_id <= \(stretch.through))
            """, logger: logger
        ).decode(UUID.self) {
            result.append(id)
        }
        return SubjectOrder.sortedUnique(result)
    }

    public func subjectStretchEnd(
        holding types: [String], after: UUID?, size: Int, in workspaceID: UUID
    ) async throws -> UUID? {
        precondition(size > 0, "a stretch holds at least one part")
        var end: UUID?
        for type in Set(types) {
            // The index on (type, workspace, subject) is stepped through, not sorted.
            for try await id in try await client.query(
                """
                SELECT subject_id FROM record_part WHERE type = \(type) AND workspace_id = \(workspaceID)
                AND (\(after)::uuid IS NULL OR subject_id > \(after))
                ORDER BY subject_id LIMIT 1 OFFSET \(size - 1)
                """, logger: logger
            ).decode(UUID.self) where end.map({ SubjectOrder.precedes(id, $0) }) ?? true {
                end = id
            }
        }
        return end
    }

    static func keyword<K: RawRepresentable<String>>(_ raw: String, _ what: String) throws -> K {
        guard let value = K(rawValue: raw) else { throw StoreError.corruptData("a \(what) reads '\(raw)'") }
        return value
    }
}
