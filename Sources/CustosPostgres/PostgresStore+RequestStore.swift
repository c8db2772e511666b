public import CustosCore
public import CustosStorage
public import Foundation
import PostgresNIO

extension PostgresStore {
    /// Writes a change set's requests, their updates and their events.
    static func applyRequestChanges(
        _ changes: RequestChanges, in workspace: UUID, _ connection: PostgresConnection, _ logger: Logger
    ) async throws {
        if !changes.opened.isEmpty {
            // Numbers are handed out one workspace's transaction at a time, across servers: each
            // waits here until the one before it commits, then sees its numbers.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(workspace.uuidString), \(Self.requestNumberLock)))",
                logger: logger)
        }
        for request in changes.opened {
            try await connection.query(
                """
                INSERT INTO data_request (id, workspace_id, subject_id, kind, channel, state, received_on, due_on,
                awaits_fee, fee_ground, party_key, party_sealed, created_at, number)
                VALUES (\(request.id), \(workspace), \(request.subjectID), \(request.kind.rawValue),
                \(request.channel.rawValue), \(request.state.rawValue), \(request.receivedOn.iso), \(request.dueOn?.iso),
                \(request.awaitsFee), \(request.feeGround?.rawValue), \(request.party.map { ByteBuffer(data: $0.key) }),
                \(request.party.map { ByteBuffer(data: $0.sealed) }), \(request.createdAt),
                (SELECT COALESCE(MAX(number), 0) + 1 FROM data_request WHERE workspace_id = \(workspace)))
                """, logger: logger)
        }
        for (id, party) in changes.partiesSealed {
            try await connection.query(
                """
                UPDATE data_request SET party_key = \(ByteBuffer(data: party.key)),
                party_sealed = \(ByteBuffer(data: party.sealed)), on_behalf_as = NULL, competence = NULL
                WHERE id = \(id) AND workspace_id = \(workspace)
                AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL)
                """, logger: logger)
        }
        for update in changes.updates {
            try await connection.query(
                """
                UPDATE data_request SET state = \(update.state.rawValue), due_on = \(update.dueOn?.iso),
                outcome = coalesce(\(try update.outcome?.encoded()), outcome),
                subject_id = coalesce(\(update.subjectID), subject_id)
                WHERE id = \(update.requestID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        for requester in changes.requesters {
            try await connection.query(
                """
                INSERT INTO request_requester (request_id, workspace_id, request_key, sealed, email_index, link_sent_at,
                confirmed_at)
                VALUES (\(requester.requestID), \(workspace), \(ByteBuffer(data: requester.key)),
                \(ByteBuffer(data: requester.sealed)), \(ByteBuffer(data: requester.emailIndex)),
                \(requester.linkSentAt), \(requester.confirmedAt))
                """, logger: logger)
        }
        for (requestID, time) in changes.requesterLinksSent {
            try await connection.query(
                """
                UPDATE request_requester SET link_sent_at = \(time)
                WHERE request_id = \(requestID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        for (requestID, time) in changes.requestersConfirmed {
            try await connection.query(
                """
                UPDATE request_requester SET confirmed_at = coalesce(confirmed_at, \(time))
                WHERE request_id = \(requestID) AND workspace_id = \(workspace)
                """, logger: logger)
        }
        if let calendar = changes.schoolCalendar {
            try await connection.query(
                """
                INSERT INTO school_calendar (workspace_id, calendar)
                VALUES (\(workspace), \(try SchoolCalendarColumn.encoded(calendar)))
                ON CONFLICT (workspace_id) DO UPDATE SET calendar = excluded.calendar
                """, logger: logger)
        }
        for item in changes.withholdings {
            try await connection.query(
                """
                INSERT INTO request_withholding (id, workspace_id, request_id, record_id, fields, exemption, reason,
                decided_by, decided_on)
                VALUES (\(item.id), \(workspace), \(item.requestID), \(item.recordID),
                \(try NameListColumn.encoded(item.fields)), \(item.exemption.rawValue), \(item.reason),
                \(item.decidedBy), \(item.decidedOn.iso))
                """, logger: logger)
        }
        for reminder in changes.reminders {
            try await connection.query(
                """
                INSERT INTO request_reminder (workspace_id, request_id, mark, sent_at)
                VALUES (\(workspace), \(reminder.requestID), \(reminder.mark), \(reminder.sentAt)) ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        for entry in changes.events {
            try await connection.query(
                """
                INSERT INTO request_event (workspace_id, request_id, action, day, actor, reason, recorded_at)
                VALUES (\(workspace), \(entry.requestID), \(entry.event.action.rawValue), \(entry.event.day.iso),
                \(entry.event.actor), \(entry.event.reason), \(entry.recordedAt))
                """, logger: logger)
        }
    }

    private static let requestColumns = """
        id, workspace_id, subject_id, kind, channel, state, received_on, due_on, awaits_fee, on_behalf_as, competence,
        created_at, outcome, party_key, party_sealed, fee_ground, number
        """

    /// The seed of the advisory lock that numbers a workspace's requests.
    private static let requestNumberLock: Int64 = 0x5265_7175

    public func schoolCalendar(in workspaceID: UUID) async throws -> SchoolCalendar? {
        for try await (text) in try await client.query(
            "SELECT calendar FROM school_calendar WHERE workspace_id = \(workspaceID)", logger: logger
        ).decode(String.self) {
            return try SchoolCalendarColumn.stored(text)
        }
        return nil
    }

    public func withholdings(of requestID: UUID, in workspaceID: UUID) async throws -> [RequestWithholding] {
        var items: [RequestWithholding] = []
        for try await (id, request, record, fields, exemption, reason, decidedBy, decidedOn) in try await client.query(
            """
            SELECT id, request_id, record_id, fields, exemption, reason, decided_by, decided_on FROM request_withholding
            WHERE request_id = \(requestID) AND workspace_id = \(workspaceID) ORDER BY decided_on, id
            """, logger: logger
        ).decode((UUID, UUID, UUID, String?, String, String, String, String).self) {
            items.append(
                RequestWithholding(
                    id: id, requestID: request, recordID: record, fields: try NameListColumn.stored(fields),
                    exemption: try Self.keyword(exemption, "exemption"), reason: reason, decidedBy: decidedBy,
                    decidedOn: try CalendarDay.stored(decidedOn)))
        }
        return items
    }

    public func requestReminders(in workspaceID: UUID) async throws -> [RequestReminder] {
        var reminders: [RequestReminder] = []
        for try await (request, mark, sentAt) in try await client.query(
            "SELECT request_id, mark, sent_at FROM request_reminder WHERE workspace_id = \(workspaceID)",
            logger: logger
        ).decode((UUID, Int, Date).self) {
            reminders.append(RequestReminder(requestID: request, mark: mark, sentAt: sentAt))
        }
        return reminders
    }

    public func requester(of requestID: UUID, in workspaceID: UUID) async throws -> StoredRequester? {
        try await requesters(
            """
            SELECT request_id, request_key, sealed, email_index, link_sent_at, confirmed_at FROM request_requester
            WHERE request_id = \(requestID) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func requestersAwaitingLink(in workspaceID: UUID) async throws -> [StoredRequester] {
        try await requesters(
            """
            SELECT r.request_id, r.request_key, r.sealed, r.email_index, r.link_sent_at, r.confirmed_at
            FROM request_requester r JOIN data_request d ON d.id = r.request_id
            WHERE r.workspace_id = \(workspaceID) AND r.link_sent_at IS NULL AND d.channel = \(RequestChannel.web.rawValue)
            ORDER BY d.created_at, d.id
            """)
    }

    public func openRequesters(
        withEmailIndex emailIndex: Data, in workspaceID: UUID
    ) async throws
        -> [StoredRequester]
    {
        try await requesters(
            """
            SELECT r.request_id, r.request_key, r.sealed, r.email_index, r.link_sent_at, r.confirmed_at
            FROM request_requester r JOIN data_request d ON d.id = r.request_id
            WHERE r.workspace_id = \(workspaceID) AND r.email_index = \(ByteBuffer(data: emailIndex))
            AND d.state NOT IN ('completed', 'refused') ORDER BY d.created_at, d.id
            """)
    }

    private func requesters(_ query: PostgresQuery) async throws -> [StoredRequester] {
        var requesters: [StoredRequester] = []
        for try await (request, key, sealed, index, sentAt, confirmedAt) in try await client.query(
            query, logger: logger
        ).decode((UUID, ByteBuffer, ByteBuffer, ByteBuffer, Date?, Date?).self) {
            requesters.append(
                StoredRequester(
                    requestID: request, key: Data(buffer: key), sealed: Data(buffer: sealed),
                    emailIndex: Data(buffer: index), linkSentAt: sentAt,
                    confirmedAt: confirmedAt))
        }
        return requesters
    }

    public func request(_ id: UUID, in workspaceID: UUID) async throws -> StoredRequest? {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request WHERE id = \(id) AND workspace_id = \(workspaceID)
            """
        ).first
    }

    public func request(numbered number: Int, in workspaceID: UUID) async throws -> StoredRequest? {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request
            WHERE workspace_id = \(workspaceID) AND number = \(Int32(clamping: number))
            """
        ).first
    }

    public func requests(in workspaceID: UUID, includingClosed: Bool) async throws -> [StoredRequest] {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request WHERE workspace_id = \(workspaceID)
            AND (\(includingClosed) OR state NOT IN ('completed', 'refused'))
            ORDER BY due_on IS NULL, due_on, received_on, created_at
            """)
    }

    public func requests(
        in workspaceID: UUID, matching query: RequestQuery, limit: Int, offset: Int
    ) async throws -> [StoredRequest] {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request WHERE workspace_id = \(workspaceID)
            AND state = ANY(\(query.states)) AND (\(query.kind?.rawValue)::text IS NULL OR kind = \(query.kind?.rawValue))
            ORDER BY \(unescaped: query.orderBy) LIMIT \(limit) OFFSET \(offset)
            """)
    }

    public func requestCount(in workspaceID: UUID, matching query: RequestQuery) async throws -> Int {
        for try await count in try await client.query(
            """
            SELECT COUNT(*) FROM data_request WHERE workspace_id = \(workspaceID)
            AND state = ANY(\(query.states)) AND (\(query.kind?.rawValue)::text IS NULL OR kind = \(query.kind?.rawValue))
            """, logger: logger
        ).decode(Int64.self) {
            return Int(count)
        }
        return 0
    }

    public func requests(ofSubject subjectID: UUID, in workspaceID: UUID) async throws -> [StoredRequest] {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request
            WHERE subject_id = \(subjectID) AND workspace_id = \(workspaceID)
            ORDER BY due_on IS NULL, due_on, received_on, created_at
            """)
    }

    public func requestsWithPlainParty(in workspaceID: UUID) async throws -> [StoredRequest] {
        try await requests(
            """
            SELECT \(unescaped: Self.requestColumns) FROM data_request
            WHERE workspace_id = \(workspaceID) AND (on_behalf_as IS NOT NULL OR competence IS NOT NULL)
            """)
    }

    public func requestEvents(of requestID: UUID, in workspaceID: UUID) async throws -> [StoredRequestEvent] {
        var events: [StoredRequestEvent] = []
        for try await (request, action, day, actor, reason, recordedAt) in try await client.query(
            """
            SELECT request_id, action, day, actor, reason, recorded_at FROM request_event
            WHERE request_id = \(requestID) AND workspace_id = \(workspaceID) ORDER BY sequence
            """, logger: logger
        ).decode((UUID, String, String, String, String?, Date).self) {
            events.append(
                StoredRequestEvent(
                    requestID: request,
                    event: RequestEvent(
                        try Self.keyword(action, "request event"), on: try CalendarDay.stored(day), by: actor,
                        reason: reason),
                    recordedAt: recordedAt))
        }
        return events
    }

    private func requests(_ query: PostgresQuery) async throws -> [StoredRequest] {
        var result: [StoredRequest] = []
        for try await row in try await client.query(query, logger: logger) {
            let (
                id, workspace, subject, kind, channel, state, received, due, awaitsFee, onBehalfAs, competence,
                createdAt, outcome, partyKey, partySealed, feeGround, number
            ) = try row.decode(
                (
                    UUID, UUID, UUID?, String, String, String, String, String?, Bool, String?, String?, Date, String?,
                    ByteBuffer?, ByteBuffer?, String?, Int32?
                ).self
            )
            var request = StoredRequest(
                id: id, workspaceID: workspace, subjectID: subject, kind: try Self.keyword(kind, "request kind"),
                channel: try Self.keyword(channel, "request channel"),
                state: try Self.keyword(state, "request state"), receivedOn: try CalendarDay.stored(received),
                dueOn: try due.map(CalendarDay.stored), awaitsFee: awaitsFee,
                feeGround: try feeGround.map { try Self.keyword($0, "fee ground") },
                party: partyKey.flatMap { key in
                    partySealed.map { SealedText(key: Data(buffer: key), sealed: Data(buffer: $0)) }
                }, createdAt: createdAt, outcome: try RequestOutcome.stored(outcome))
            request.number = number.map(Int.init)
            if onBehalfAs != nil || competence != nil {
                request.plainParty = RequestParty(relationship: onBehalfAs ?? "", competence: competence ?? "")
            }
            result.append(request)
        }
        return result
    }
}
