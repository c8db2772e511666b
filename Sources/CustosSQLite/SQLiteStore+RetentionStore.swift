import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's retention events and what anonymisation keeps.
    static func applyRetentionChanges(_ changes: RetentionChanges, workspace: String, _ db: Database) throws {
        for record in changes.anonymisedRecords {
            try db.execute(
                literal: """
                    INSERT INTO anonymised_record (id, workspace_id, record_type, rule, fields, anonymised_on)
                    VALUES (
                        \(record.id), \(workspace), \(record.recordType), \(record.rule), \(try record.encodedValues()),
                        \(record.anonymisedOn.iso))
                    """)
        }
        for event in changes.events {
            try db.execute(
                literal: """
                    INSERT INTO retention_event (workspace_id, subject_id, event, day, recorded_by, recorded_at)
                    VALUES (
                        \(workspace), \(event.subjectID), \(event.event), \(event.day.iso), \(event.recordedBy),
                        \(event.recordedAt))
                    """)
        }
    }

    public func subjectsInactive(
        before cutoff: Date, holding types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(subjectID: UUID, lastActivityAt: Date)] {
        guard !types.isEmpty else { return [] }
        return try await pool.read { db in
            var found: [(subjectID: UUID, lastActivityAt: Date)] = []
            // The whole workspace from the index of the live by last activity; a stretch by id (the
            // `+` keeps SQLite off the other indexes, which would read everyone inactive each time).
            let rows = try SQLRequest<Row>(
                literal: stretch == .all
                    ? """
                    SELECT s.id, s.last_activity_at FROM subject s
                    WHERE s.workspace_id = \(workspaceID.uuidString) AND s.wrapped_key IS NOT NULL
                    AND s.merged_into IS NULL AND s.last_activity_at < \(cutoff)
                    AND EXISTS (SELECT 1 FROM record_part p WHERE p.subject_id = s.id AND p.type IN \(types))
                    """
                    : """
                    SELECT s.id, s.last_activity_at FROM subject s
                    WHERE +s.workspace_id = \(workspaceID.uuidString) AND s.wrapped_key IS NOT NULL
                    AND s.merged_into IS NULL AND +s.last_activity_at < \(cutoff)
                    AND s.id > \(stretch.lowestBlob) AND s.id <= \(stretch.highestBlob)
                    AND EXISTS (SELECT 1 FROM record_part p WHERE p.subject_id = s.id AND p.type IN \(types))
                    """
            ).fetchCursor(db)
            while let row = try rows.next() { found.append((row[0], row[1])) }
            return found
        }
    }

    public func retentionEvents(
        named event: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [RetentionEvent] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT e.* FROM retention_event e JOIN subject s ON s.id = e.subject_id
                    WHERE e.workspace_id = \(workspaceID.uuidString) AND e.event = \(event)
                    AND e.subject_id > \(stretch.lowestBlob) AND e.subject_id <= \(stretch.highestBlob)
                    AND s.wrapped_key IS NOT NULL AND s.merged_into IS NULL
                    ORDER BY e.day, e.rowid
                    """
            ).fetchAll(db).map { row in
                RetentionEvent(
                    subjectID: row["subject_id"], event: row["event"], day: try CalendarDay.stored(row["day"]),
                    recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
            }
        }
    }

    public func recordTypes(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<String>] {
        guard !subjectIDs.isEmpty else { return [:] }
        return try await pool.read { db in
            var types: [UUID: Set<String>] = [:]
            for start in stride(from: 0, to: subjectIDs.count, by: 900) {
                let batch = subjectIDs[start..<min(start + 900, subjectIDs.count)]
                // The workspace checked once a person, on their subject row: the parts are read from
                // the index by person and type alone, never from the table (five reads a person).
                // The `+` keeps SQLite off the index of the workspace's every person.
                let rows = try SQLRequest<Row>(
                    literal: """
                        SELECT DISTINCT p.subject_id, p.type FROM subject s
                        JOIN record_part p INDEXED BY record_part_subject ON p.subject_id = s.id
                        WHERE +s.workspace_id = \(workspaceID.uuidString) AND s.id IN \(batch)
                        AND s.wrapped_key IS NOT NULL
                        """
                ).fetchCursor(db)
                while let row = try rows.next() {
                    types[row[0], default: []].insert(row[1])
                }
            }
            return types
        }
    }

    public func erasedSubjectsHoldingSealedRows(
        after: UUID?, limit: Int, in workspaceID: UUID
    ) async throws -> [UUID] {
        try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT s.id FROM subject s INDEXED BY subject_gone
                    WHERE s.workspace_id = \(workspaceID.uuidString)
                    AND s.id > \(SubjectStretch(after: after, through: nil).lowestBlob)
                    AND s.wrapped_key IS NULL AND s.merged_into IS NULL
                    AND (EXISTS (SELECT 1 FROM record_part p WHERE p.subject_id = s.id)
                        OR EXISTS (SELECT 1 FROM record_part_version v WHERE v.subject_id = s.id)
                        OR EXISTS (SELECT 1 FROM record_statement t WHERE t.subject_id = s.id))
                    ORDER BY s.id LIMIT \(limit)
                    """
            ).fetchAll(db)
        }
    }

    public func subjectIDs(
        holding type: String, in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [UUID] {
        try await pool.read { db in
            try SQLRequest<UUID>(
                literal: """
                    SELECT DISTINCT p.subject_id FROM record_part p JOIN subject s ON s.id = p.subject_id
                    WHERE p.type = \(type) AND p.workspace_id = \(workspaceID.uuidString)
                    AND p.subject_id > \(stretch.lowestBlob) AND p.subject_id <= \(stretch.highestBlob)
                    AND s.wrapped_key IS NOT NULL AND s.merged_into IS NULL
                    """
            ).fetchAll(db)
        }
    }

    public func recordPartsCreated(
        before cutoff: Date, types: [String], in workspaceID: UUID, among stretch: SubjectStretch
    ) async throws -> [(recordID: UUID, subjectID: UUID, type: String, createdAt: Date)] {
        guard !types.isEmpty else { return [] }
        return try await pool.read { db in
            var found: [(recordID: UUID, subjectID: UUID, type: String, createdAt: Date)] = []
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT p.record_id, p.subject_id, p.type, p.created_at FROM record_part p
                    JOIN subject s ON s.id = p.subject_id
                    WHERE p.workspace_id = \(workspaceID.uuidString) AND p.type IN \(types)
                    AND p.subject_id > \(stretch.lowestBlob) AND p.subject_id <= \(stretch.highestBlob)
                    AND p.created_at < \(cutoff) AND s.wrapped_key IS NOT NULL AND s.merged_into IS NULL
                    """
            ).fetchCursor(db)
            while let row = try rows.next() { found.append((row[0], row[1], row[2], row[3])) }
            return found
        }
    }

    public func anonymisedRecords(ofType type: String?, in workspaceID: UUID) async throws -> [AnonymisedRecord] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT id, record_type, rule, fields, anonymised_on FROM anonymised_record
                    WHERE workspace_id = \(workspaceID.uuidString) AND (\(type) IS NULL OR record_type = \(type))
                    ORDER BY anonymised_on, rowid
                    """
            ).fetchAll(db).map { row in
                AnonymisedRecord(
                    id: row["id"], recordType: row["record_type"], rule: row["rule"],
                    values: try AnonymisedRecord.storedValues(row["fields"]),
                    anonymisedOn: try CalendarDay.stored(row["anonymised_on"]))
            }
        }
    }

    public func recordIDs(ofSubjects subjectIDs: [UUID], in workspaceID: UUID) async throws -> [UUID: Set<UUID>] {
        guard !subjectIDs.isEmpty else { return [:] }
        return try await pool.read { db in
            var records: [UUID: Set<UUID>] = [:]
            for start in stride(from: 0, to: subjectIDs.count, by: 900) {
                let batch = subjectIDs[start..<min(start + 900, subjectIDs.count)]
                let rows = try SQLRequest<Row>(
                    literal: """
                        SELECT subject_id, record_id FROM record_part
                        WHERE workspace_id = \(workspaceID.uuidString) AND subject_id IN \(batch)
                        """
                ).fetchCursor(db)
                while let row = try rows.next() {
                    records[row[0], default: []].insert(row[1])
                }
            }
            return records
        }
    }
}
