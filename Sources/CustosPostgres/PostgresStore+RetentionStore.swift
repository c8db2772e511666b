import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's retention events.
    static func applyRetentionChanges(
        _ changes: RetentionChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        for record in changes.anonymisedRecords {
            try await connection.query(
                """
                INSERT INTO anonymised_record (id, workspace_id, record_type, rule, fields, anonymised_on)
                VALUES (\(record.id), \(workspace), \(record.recordType), \(record.rule),
                \(try record.encodedValues()), \(record.anonymisedOn.iso))
                """, logger: logger)
        }
        for event in changes.events {
            try await connection.query(
                """
                INSERT INTO retention_event (workspace_id, subject_id, event, day, recorded_by, recorded_at)
                VALUES (\(workspace), \(event.subjectID), \(event.event), \(event.day.iso),
                \(event.recordedBy), \(event.recordedAt))
                """, logger: logger)
        }
    }

    public func subjectsInactive(
        before cutoff: Date, holding types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(subjectID: UUID, lastActivityAt: Date)] {
        guard !types.isEmpty else { return [] }
        var found: [(subjectID: UUID, lastActivityAt: Date)] = []
        for try await (id, lastActivity) in try await client.query(
            """
            SELECT s.id, s.last_activity_at FROM subject s
            WHERE s.workspace_id = \(workspaceID) AND s.wrapped_key IS NOT NULL AND s.merged_into IS NULL
            AND s.last_activity_at < \(cutoff)
            AND (\(stretch.after)::uuid IS NULL OR s.id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR s.id <= \(stretch.through))
            AND EXISTS (SELECT 1 FROM record_part p WHERE p.subject_id = s.id AND p.type = ANY(\(types)))
            """, logger: logger
        ).decode((UUID, Date).self) {
            found.append((id, lastActivity))
        }
        return found
    }

    public func retentionEvents(
        named event: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [RetentionEvent] {
        var events: [RetentionEvent] = []
        for try await (subject, name, day, recordedBy, recordedAt) in try await client.query(
            """
            SELECT e.subject_id, e.event, e.day, e.recorded_by, e.recorded_at
            FROM retention_event e JOIN subject s ON s.id = e.subject_id
            WHERE e.workspace_id = \(workspaceID) AND e.event = \(event)
            AND (\(stretch.after)::uuid IS NULL OR e.subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR e.subject_id <= \(stretch.through))
            AND s.wrapped_key IS NOT NULL
            AND s.merged_into IS NULL ORDER BY e.day, e.sequence
            """, logger: logger
        ).decode((UUID, String, String, String, Date).self) {
            events.append(
                RetentionEvent(
                    subjectID: subject, event: name, day: try CalendarDay.stored(day), recordedBy: recordedBy,
                    recordedAt: recordedAt))
        }
        return events
    }

    public func recordTypes(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<String>] {
        guard !subjectIDs.isEmpty else { return [:] }
        var types: [UUID: Set<String>] = [:]
        for try await (subject, type) in try await client.query(
            """
            SELECT DISTINCT p.subject_id, p.type FROM record_part p JOIN subject s ON s.id = p.subject_id
            WHERE p.workspace_id = \(workspaceID) AND p.subject_id = ANY(\(subjectIDs)) AND s.wrapped_key IS NOT NULL
            """, logger: logger
        ).decode((UUID, String).self) {
            types[subject, default: []].insert(type)
        }
        return types
    }

    public func erasedSubjectsHoldingSealedRows(
        after: UUID?, limit: Int, in workspaceID: UUID
    ) async throws -> [UUID] {
        var ids: [UUID] = []
        // The index of people gone (`subject_gone`) serves: its condition is repeated for the
        // planner, then narrowed to those erased.
        for try await id in try await client.query(
            """
            SELECT s.id FROM subject s
            WHERE s.workspace_id = \(workspaceID) AND (\(after)::uuid IS NULL OR s.id > \(after))
            AND (s.merged_into IS NOT NULL OR s.wrapped_key IS NULL)
            AND s.wrapped_key IS NULL AND s.merged_into IS NULL
            AND (EXISTS (SELECT 1 FROM record_part p WHERE p.subject_id = s.id)
                OR EXISTS (SELECT 1 FROM record_part_version v WHERE v.subject_id = s.id)
                OR EXISTS (SELECT 1 FROM record_statement t WHERE t.subject_id = s.id))
            ORDER BY s.id LIMIT \(limit)
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func subjectIDs(
        holding type: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        var ids: [UUID] = []
        for try await (id) in try await client.query(
            """
            SELECT DISTINCT p.subject_id FROM record_part p JOIN subject s ON s.id = p.subject_id
            WHERE p.type = \(type) AND p.workspace_id = \(workspaceID)
            AND (\(stretch.after)::uuid IS NULL OR p.subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR p.subject_id <= \(stretch.through))
            AND s.wrapped_key IS NOT NULL
            AND s.merged_into IS NULL
            """, logger: logger
        ).decode(UUID.self) {
            ids.append(id)
        }
        return ids
    }

    public func recordPartsCreated(
        before cutoff: Date, types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(recordID: UUID, subjectID: UUID, type: String, createdAt: Date)] {
        guard !types.isEmpty else { return [] }
        var found: [(recordID: UUID, subjectID: UUID, type: String, createdAt: Date)] = []
        for try await (record, subject, type, created) in try await client.query(
            """
            SELECT p.record_id, p.subject_id, p.type, p.created_at FROM record_part p
            JOIN subject s ON s.id = p.subject_id
            WHERE p.workspace_id = \(workspaceID) AND p.type = ANY(\(types)) AND p.created_at < \(cutoff)
            AND (\(stretch.after)::uuid IS NULL OR p.subject_id > \(stretch.after))
            AND (\(stretch.through)::uuid IS NULL OR p.subject_id <= \(stretch.through))
            AND s.wrapped_key IS NOT NULL AND s.merged_into IS NULL
            """, logger: logger
        ).decode((UUID, UUID, String, Date).self) {
            found.append((record, subject, type, created))
        }
        return found
    }

    public func anonymisedRecords(ofType type: String?, in workspaceID: UUID) async throws -> [AnonymisedRecord] {
        var found: [AnonymisedRecord] = []
        for try await (id, recordType, rule, fields, day) in try await client.query(
            """
            SELECT id, record_type, rule, fields, anonymised_on FROM anonymised_record
            WHERE workspace_id = \(workspaceID) AND (\(type)::text IS NULL OR record_type = \(type))
            ORDER BY anonymised_on, id
            """, logger: logger
        ).decode((UUID, String, String, String, String).self) {
            found.append(
                AnonymisedRecord(
                    id: id, recordType: recordType, rule: rule, values: try AnonymisedRecord.storedValues(fields),
                    anonymisedOn: try CalendarDay.stored(day)))
        }
        return found
    }

    public func recordIDs(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<UUID>] {
        guard !subjectIDs.isEmpty else { return [:] }
        var records: [UUID: Set<UUID>] = [:]
        for try await (subject, record) in try await client.query(
            """
            SELECT subject_id, record_id FROM record_part
            WHERE workspace_id = \(workspaceID) AND subject_id = ANY(\(subjectIDs))
            """, logger: logger
        ).decode((UUID, UUID).self) {
            records[subject, default: []].insert(record)
        }
        return records
    }
}
