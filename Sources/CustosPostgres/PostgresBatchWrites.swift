import CustosStorage
import Foundation
import PostgresNIO

/// The rows of a change set that come many at a time (an import batch's people, identifiers,
/// record parts and name words), each kind written by one statement: the columns travel as arrays
/// and PostgreSQL unnests them, so a batch of 2,000 people costs a few round trips where it cost
/// one a row.
///
/// Arrays carry no NULLs here, so an absent value travels as a marker the statement turns back
/// into NULL: the nil UUID for an id, an empty byte string for a key or an index (never empty
/// when present), and a flag beside a text that may be absent.
enum PostgresBatchWrites {
    /// The marker of an absent id.
    static let noID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func insertSubjects(
        _ subjects: [StoredSubject], workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        guard !subjects.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO subject (id, workspace_id, kind, school_id, master_key_id, wrapped_key, created_at,
            last_activity_at, merged_into)
            SELECT id, \(workspace), kind, NULLIF(school, \(noID)), CASE WHEN keyed THEN key_id END,
            CASE WHEN keyed THEN wrapped END, created, active, NULLIF(merged, \(noID))
            FROM UNNEST(\(subjects.map(\.id)), \(subjects.map(\.kind)), \(subjects.map { $0.schoolID ?? noID }),
            \(subjects.map { $0.key != nil }), \(subjects.map { $0.key?.masterKeyID ?? "" }),
            \(subjects.map { ByteBuffer(data: $0.key?.sealed ?? Data()) }), \(subjects.map(\.createdAt)),
            \(subjects.map(\.lastActivityAt)), \(subjects.map { $0.mergedInto ?? noID }))
            AS t(id, kind, school, keyed, key_id, wrapped, created, active, merged)
            """, logger: logger)
    }

    /// Appends to the erasure journal in the entries' order (a retention sweep journals thousands
    /// of people in one change set).
    static func appendErasureJournal(
        _ entries: [ErasureJournalEntry], _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        guard !entries.isEmpty else { return }
        let types = try entries.map { try NameListColumn.encoded($0.recordTypes) }
        try await connection.query(
            """
            INSERT INTO erasure_journal (workspace_id, subject_id, record_types, erased_at, request_id, by_retention)
            SELECT workspace_id, subject_id, CASE WHEN typed THEN types END, erased_at, NULLIF(request, \(noID)),
            by_retention
            FROM UNNEST(\(entries.map(\.workspaceID)), \(entries.map(\.subjectID)), \(types.map { $0 != nil }),
            \(types.map { $0 ?? "" }), \(entries.map(\.erasedAt)), \(entries.map { $0.requestID ?? noID }),
            \(entries.map(\.byRetention)))
            WITH ORDINALITY AS t(workspace_id, subject_id, typed, types, erased_at, request, by_retention, position)
            ORDER BY position
            """, logger: logger)
    }

    /// Writes the identifiers; throws ``StoreError/identityTaken`` when one that claims its person
    /// is claimed by another person already (made meanwhile by another transaction, which this one
    /// waited for), as a row at a time did.
    static func insertIdentifiers(
        _ identifiers: [StoredIdentifier], workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        guard !identifiers.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO subject_identifier (workspace_id, blind_index, subject_id, kind, claimed)
            SELECT \(workspace), blind_index, subject_id, kind, claimed
            FROM UNNEST(\(identifiers.map { ByteBuffer(data: $0.index) }), \(identifiers.map(\.subjectID)),
            \(identifiers.map(\.kind)), \(identifiers.map(\.claims)))
            AS t(blind_index, subject_id, kind, claimed)
            ON CONFLICT DO NOTHING
            """, logger: logger)
        // A claim written is the only one of its index (a unique index holds them), so a claimed
        // row of another person means this one's claim was not written.
        let claiming = identifiers.filter(\.claims)
        guard !claiming.isEmpty else { return }
        if try await connection.query(
            """
            SELECT 1 FROM subject_identifier i
            JOIN UNNEST(\(claiming.map { ByteBuffer(data: $0.index) }), \(claiming.map(\.subjectID)))
            AS t(blind_index, subject_id) ON i.blind_index = t.blind_index
            WHERE i.workspace_id = \(workspace) AND i.claimed AND i.subject_id <> t.subject_id LIMIT 1
            """, logger: logger
        ).hasRows() {
            throw StoreError.identityTaken
        }
    }

    /// Writes the record parts, a part already held being replaced (unless it is of another type or
    /// workspace), and their name words. A part given twice is written in two statements, in its
    /// order, as a row at a time would have it.
    static func upsertRecordParts(
        _ parts: [StoredRecordPart], workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        let rounds = rounds(of: parts)
        for round in rounds {
            try await connection.query(
                """
                INSERT INTO record_part (record_id, role, workspace_id, type, subject_id, source_kind, source_name,
                created_at, updated_at, sealed, reidentification, event_index)
                SELECT record_id, role, \(workspace), type, subject_id, source_kind,
                CASE WHEN named THEN source_name END, created, updated, sealed, NULLIF(reidentification, ''::bytea),
                NULLIF(event_index, ''::bytea)
                FROM UNNEST(\(round.map(\.recordID)), \(round.map(\.role)), \(round.map(\.type)),
                \(round.map(\.subjectID)), \(round.map(\.source.kind.rawValue)), \(round.map { $0.source.name != nil }),
                \(round.map { $0.source.name ?? "" }), \(round.map(\.createdAt)), \(round.map(\.updatedAt)),
                \(round.map { ByteBuffer(data: $0.sealed) }), \(round.map { ByteBuffer(data: $0.reidentification ?? Data()) }),
                \(round.map { ByteBuffer(data: $0.eventIndex ?? Data()) }))
                AS t(record_id, role, type, subject_id, source_kind, named, source_name, created, updated, sealed,
                reidentification, event_index)
                ON CONFLICT (record_id, role) DO UPDATE SET subject_id = excluded.subject_id,
                source_kind = excluded.source_kind, source_name = excluded.source_name,
                -- A part left sealed under a destroyed key (a retention sweep purges it later) is
                -- replaced whole: the new part is made now.
                created_at = CASE WHEN EXISTS (SELECT 1 FROM subject g WHERE g.id = record_part.subject_id
                    AND g.wrapped_key IS NULL) THEN excluded.created_at ELSE record_part.created_at END,
                updated_at = excluded.updated_at, sealed = excluded.sealed,
                reidentification = excluded.reidentification, event_index = excluded.event_index
                WHERE record_part.workspace_id = excluded.workspace_id AND record_part.type = excluded.type
                """, logger: logger)
        }
        for round in rounds {
            try await writeNameWords(of: round, workspace: workspace, connection, logger)
        }
    }

    /// The name words of parts that are each given once: those replacing theirs delete them first.
    private static func writeNameWords(
        of parts: [StoredRecordPart], workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        let named = parts.filter { $0.names != nil }
        let replacing = named.filter { $0.names?.replacing == true }
        if !replacing.isEmpty {
            try await connection.query(
                """
                DELETE FROM name_word WHERE (record_id, role) IN (
                    SELECT * FROM UNNEST(\(replacing.map(\.recordID)), \(replacing.map(\.role))))
                """, logger: logger)
        }
        var words: [ByteBuffer] = []
        var wholes: [Bool] = []
        var owners: [StoredRecordPart] = []
        for part in named {
            guard let names = part.names else { continue }
            for word in names.words {
                words.append(ByteBuffer(data: word))
                wholes.append(false)
                owners.append(part)
            }
            if let whole = names.whole {
                words.append(ByteBuffer(data: whole))
                wholes.append(true)
                owners.append(part)
            }
        }
        guard !words.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO name_word (workspace_id, word, whole, subject_id, record_id, role, type)
            SELECT \(workspace), word, whole, subject_id, record_id, role, type
            FROM UNNEST(\(words), \(wholes), \(owners.map(\.subjectID)), \(owners.map(\.recordID)),
            \(owners.map(\.role)), \(owners.map(\.type)))
            AS t(word, whole, subject_id, record_id, role, type)
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// The parts in rounds in which each (record, role) comes once: its first giving in the first
    /// round, its second in the second, and so on. One statement may not change a row twice.
    static func rounds(of parts: [StoredRecordPart]) -> [[StoredRecordPart]] {
        struct Key: Hashable {
            let recordID: UUID
            let role: String
        }
        var given: [Key: Int] = [:]
        var rounds: [[StoredRecordPart]] = []
        for part in parts {
            let key = Key(recordID: part.recordID, role: part.role)
            let round = given[key, default: 0]
            given[key] = round + 1
            if round == rounds.count { rounds.append([]) }
            rounds[round].append(part)
        }
        return rounds
    }
}
