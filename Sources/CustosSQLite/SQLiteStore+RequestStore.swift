public import CustosCore
public import CustosStorage
public import Foundation
import GRDB

extension SQLiteStore {
    /// Writes a change set's requests, their updates and their events.
    static func applyRequestChanges(
        _ changes: RequestChanges, workspace: String, _ db: Database, stored: (Date) -> DatabaseValue
    ) throws {
        for request in changes.opened {
            try db.cachedStatement(
                bound: """
                    INSERT INTO data_request (id, workspace_id, subject_id, kind, channel, state, received_on, due_on,
                    awaits_fee, fee_ground, party_key, party_sealed, created_at, number) VALUES (
                        \(request.id), \(workspace), \(request.subjectID), \(request.kind.rawValue),
                        \(request.channel.rawValue), \(request.state.rawValue), \(request.receivedOn.iso),
                        \(request.dueOn?.iso), \(request.awaitsFee), \(request.feeGround?.rawValue),
                        \(request.party?.key), \(request.party?.sealed), \(stored(request.createdAt)),
                        (SELECT COALESCE(MAX(number), 0) + 1 FROM data_request WHERE workspace_id = \(workspace)))
                    """
            ).execute()
        }
        for (id, party) in changes.partiesSealed {
            try db.execute(
                literal: """
                    UPDATE data_request SET party_key = \(party.key), party_sealed = \(party.sealed),
                    on_behalf_as = NULL, competence = NULL
                    WHERE id = \(id) AND workspace_id = \(workspace)
                    AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL)
                    """)
        }
        for update in changes.updates {
            try db.cachedStatement(
                bound: """
                    UPDATE data_request SET state = \(update.state.rawValue), due_on = \(update.dueOn?.iso),
                    outcome = coalesce(\(try update.outcome?.encoded()), outcome),
                    subject_id = coalesce(\(update.subjectID), subject_id)
                    WHERE id = \(update.requestID) AND workspace_id = \(workspace)
                    """
            ).execute()
        }
        for requester in changes.requesters {
            try db.execute(
                literal: """
                    INSERT INTO request_requester (request_id, workspace_id, request_key, sealed, email_index,
                    link_sent_at, confirmed_at) VALUES (
                        \(requester.requestID), \(workspace), \(requester.key), \(requester.sealed),
                        \(requester.emailIndex), \(requester.linkSentAt.map(stored) ?? .null),
                        \(requester.confirmedAt.map(stored) ?? .null))
                    """)
        }
        for (requestID, time) in changes.requesterLinksSent {
            try db.execute(
                literal: """
                    UPDATE request_requester SET link_sent_at = \(stored(time))
                    WHERE request_id = \(requestID) AND workspace_id = \(workspace)
                    """)
        }
        for (requestID, time) in changes.requestersConfirmed {
            try db.execute(
                literal: """
                    UPDATE request_requester SET confirmed_at = coalesce(confirmed_at, \(stored(time)))
                    WHERE request_id = \(requestID) AND workspace_id = \(workspace)
                    """)
        }
        if let calendar = changes.schoolCalendar {
            try db.execute(
                literal: """
                    INSERT INTO school_calendar (workspace_id, calendar)
                    VALUES (\(workspace), \(try SchoolCalendarColumn.encoded(calendar)))
                    ON CONFLICT (workspace_id) DO UPDATE SET calendar = excluded.calendar
                    """)
        }
        for item in changes.withholdings {
            try db.execute(
                literal: """
                    INSERT INTO request_withholding (id, workspace_id, request_id, record_id, fields, exemption, reason,
                    decided_by, decided_on) VALUES (
                        \(item.id), \(workspace), \(item.requestID), \(item.recordID),
                        \(try NameListColumn.encoded(item.fields)), \(item.exemption.rawValue), \(item.reason),
                        \(item.decidedBy), \(item.decidedOn.iso))
                    """)
        }
        for reminder in changes.reminders {
            try db.execute(
                literal: """
                    INSERT INTO request_reminder (workspace_id, request_id, mark, sent_at)
                    VALUES (\(workspace), \(reminder.requestID), \(reminder.mark), \(reminder.sentAt))
                    ON CONFLICT DO NOTHING
                    """)
        }
        for entry in changes.events {
            try db.cachedStatement(
                bound: """
                    INSERT INTO request_event (workspace_id, request_id, action, day, actor, reason, recorded_at)
                    VALUES (
                        \(workspace), \(entry.requestID), \(entry.event.action.rawValue), \(entry.event.day.iso),
                        \(entry.event.actor), \(entry.event.reason), \(stored(entry.recordedAt)))
                    """
            ).execute()
        }
    }

    public func schoolCalendar(in workspaceID: UUID) async throws -> SchoolCalendar? {
        try readNow { db in
            try SQLRequest<String>(
                literal: "SELECT calendar FROM school_calendar WHERE workspace_id = \(workspaceID.uuidString)"
            ).fetchOne(db).map(SchoolCalendarColumn.stored)
        }
    }

    public func withholdings(of requestID: UUID, in workspaceID: UUID) async throws -> [RequestWithholding] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM request_withholding
                        WHERE request_id = \(requestID) AND workspace_id = \(workspaceID.uuidString) ORDER BY rowid
                        """)
            ).map { row in
                RequestWithholding(
                    id: row["id"], requestID: row["request_id"], recordID: row["record_id"],
                    fields: try NameListColumn.stored(row["fields"]),
                    exemption: try Self.keyword(row["exemption"], "exemption"), reason: row["reason"],
                    decidedBy: row["decided_by"], decidedOn: try CalendarDay.stored(row["decided_on"]))
            }
        }
    }

    public func requestReminders(in workspaceID: UUID) async throws -> [RequestReminder] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM request_reminder WHERE workspace_id = \(workspaceID.uuidString)"
            ).fetchAll(db).map { RequestReminder(requestID: $0["request_id"], mark: $0["mark"], sentAt: $0["sent_at"]) }
        }
    }

    public func request(_ id: UUID, in workspaceID: UUID) async throws -> StoredRequest? {
        try readNow { db in
            try Row.fetchOne(
                db.cachedStatement(
                    bound: "SELECT * FROM data_request WHERE id = \(id) AND workspace_id = \(workspaceID.uuidString)")
            ).map(Self.request)
        }
    }

    public func request(numbered number: Int, in workspaceID: UUID) async throws -> StoredRequest? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT * FROM data_request WHERE workspace_id = ? AND number = ?",
                arguments: [workspaceID.uuidString, number]
            ).map(Self.request)
        }
    }

    public func requests(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredRequest] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM data_request WHERE subject_id = \(subjectID) AND workspace_id = \(workspaceID.uuidString)
                    ORDER BY due_on IS NULL, due_on, received_on, created_at
                    """
            ).fetchAll(db).map(Self.request)
        }
    }

    public func requests(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredRequest] {
        try await pool.read { db in
            let open: SQL = includingClosed ? "" : "AND state NOT IN ('completed', 'refused')"
            return try SQLRequest<Row>(
                literal: """
                    SELECT * FROM data_request WHERE workspace_id = \(workspaceID.uuidString) \(open)
                    ORDER BY due_on IS NULL, due_on, received_on, created_at
                    """
            ).fetchAll(db).map(Self.request)
        }
    }

    public func requests(
        in workspaceID: UUID, matching query: RequestQuery, limit: Int, offset: Int
    ) async throws -> [StoredRequest] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: "SELECT * FROM data_request WHERE " + Self.conditions(workspaceID, query)
                    + " ORDER BY \(sql: query.orderBy) LIMIT \(limit) OFFSET \(offset)"
            ).fetchAll(db).map(Self.request)
        }
    }

    public func requestCount(in workspaceID: UUID, matching query: RequestQuery) async throws -> Int {
        try await pool.read { db in
            try SQLRequest<Int>(
                literal: "SELECT COUNT(*) FROM data_request WHERE " + Self.conditions(workspaceID, query)
            ).fetchOne(db) ?? 0
        }
    }

    private static func conditions(_ workspaceID: UUID, _ query: RequestQuery) -> SQL {
        var conditions: SQL = "workspace_id = \(workspaceID.uuidString) AND state IN \(query.states)"
        if let kind = query.kind { conditions += " AND kind = \(kind.rawValue)" }
        return conditions
    }

    public func requestsWithPlainParty(in workspaceID: UUID) async throws -> [StoredRequest] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM data_request
                    WHERE workspace_id = \(workspaceID.uuidString)
                    AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL)
                    """
            ).fetchAll(db).map(Self.request)
        }
    }

    public func requestEvents(of requestID: UUID, in workspaceID: UUID) async throws -> [StoredRequestEvent] {
        try readNow { db in
            try Row.fetchAll(
                db.cachedStatement(
                    bound: """
                        SELECT * FROM request_event
                        WHERE request_id = \(requestID) AND workspace_id = \(workspaceID.uuidString) ORDER BY sequence
                        """)
            ).map { row in
                StoredRequestEvent(
                    requestID: row["request_id"],
                    event: RequestEvent(
                        try Self.keyword(row["action"], "request event"), on: try CalendarDay.stored(row["day"]),
                        by: row["actor"],
                        reason: row["reason"]), recordedAt: row["recorded_at"])
            }
        }
    }

    public func requester(of requestID: UUID, in workspaceID: UUID) async throws -> StoredRequester? {
        try readNow { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT * FROM request_requester
                    WHERE request_id = \(requestID) AND workspace_id = \(workspaceID.uuidString)
                    """
            ).fetchOne(db).map(Self.requester)
        }
    }

    public func requestersAwaitingLink(in workspaceID: UUID) async throws -> [StoredRequester] {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT r.* FROM request_requester r JOIN data_request d ON d.id = r.request_id
                    WHERE r.workspace_id = \(workspaceID.uuidString) AND r.link_sent_at IS NULL
                    AND d.channel = \(RequestChannel.web.rawValue) ORDER BY r.rowid
                    """
            ).fetchAll(db).map(Self.requester)
        }
    }

    public func openRequesters(
        withEmailIndex emailIndex: Data, in workspaceID: UUID
    ) async throws
        -> [StoredRequester]
    {
        try await pool.read { db in
            try SQLRequest<Row>(
                literal: """
                    SELECT r.* FROM request_requester r JOIN data_request d ON d.id = r.request_id
                    WHERE r.workspace_id = \(workspaceID.uuidString) AND r.email_index = \(emailIndex)
                    AND d.state NOT IN ('completed', 'refused') ORDER BY d.created_at, d.id
                    """
            ).fetchAll(db).map(Self.requester)
        }
    }

    private static func requester(_ row: Row) -> StoredRequester {
        StoredRequester(
            requestID: row["request_id"], key: row["request_key"], sealed: row["sealed"],
            emailIndex: row["email_index"], linkSentAt: row["link_sent_at"], confirmedAt: row["confirmed_at"])
    }

    private static func request(_ row: Row) throws -> StoredRequest {
        let due: String? = row["due_on"]
        let partyKey: Data? = row["party_key"]
        let partySealed: Data? = row["party_sealed"]
        let feeGround: String? = row["fee_ground"]
        var request = StoredRequest(
            id: row["id"], workspaceID: try uuid(row["workspace_id"]), subjectID: row["subject_id"],
            kind: try keyword(row["kind"], "request kind"), channel: try keyword(row["channel"], "request channel"),
            state: try keyword(row["state"], "request state"), receivedOn: try CalendarDay.stored(row["received_on"]),
            dueOn: try due.map(CalendarDay.stored), awaitsFee: row["awaits_fee"],
            feeGround: try feeGround.map { try keyword($0, "fee ground") },
            party: partyKey.flatMap { key in partySealed.map { SealedText(key: key, sealed: $0) } },
            createdAt: row["created_at"], outcome: try RequestOutcome.stored(row["outcome"]))
        request.number = row["number"]
        let relationship: String? = row["on_behalf_as"]
        let competence: String? = row["competence"]
        if relationship != nil || competence != nil {
            request.plainParty = RequestParty(relationship: relationship ?? "", competence: competence ?? "")
        }
        return request
    }
}
