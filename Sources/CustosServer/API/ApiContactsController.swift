import CustosCore
import CustosServices
import Foundation
import Hummingbird

/// Consent, the contact decision, the suppression list and audiences under `/api/v1`.
struct ApiContactsController {
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("subjects/:subject/consents", use: ledger)
        group.post("subjects/:subject/consents", use: record)
        group.post("subjects/:subject/opt-out", use: optOut)
        group.post("contact-decisions", use: decide)
        group.get("contact-decisions", use: decideFromQuery)
        group.post("suppressions", use: suppress)
        group.post("suppressions/check", use: checkSuppression)
        group.get("audiences", use: audience)
    }

    @Sendable func ledger(_ request: Request, context: AppRequestContext) async throws -> ConsentLedgerDocument {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let subject = try await caller.reachableSubject(context.pathID("subject", naming: "subject"))
        let contacts = Contacts(vault: caller.vault)
        let entries = try await contacts.consents(of: subject.id)
        let states = try await contacts.processingStates(of: subject.id)
        let headers = try ApiAccessHeaders(request)
        try await caller.vault.audit([
            caller.event(
                "consent.read", purpose: try caller.checkedPurpose(headers.purpose), reason: headers.reason,
                subjectID: subject.id,
                detail: "\(entries.count) entries")
        ])
        return ConsentLedgerDocument(
            entries: entries.map(ConsentEntryDocument.init), processing: states.map(ProcessingStateDocument.init))
    }

    @Sendable func record(
        _ request: Request, context: AppRequestContext
    ) async throws -> EditedResponse<
        ConsentEntryDocument
    > {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.update)
        let subject = try await caller.reachableSubject(context.pathID("subject", naming: "subject"))
        let body = try await request.decode(as: ConsentCreation.self, context: context)
        let entry = try await Contacts(vault: caller.vault).record(
            ApiKeyword.parse(body.action, field: "action"), subject: subject.id, purpose: body.purpose,
            channel: body.channel.map { try ApiKeyword.parse($0, field: "channel") }, list: body.list,
            wording: body.wording, source: ApiKeyword.parse(body.source, field: "source"), actor: caller.actor)
        return EditedResponse(status: .created, response: ConsentEntryDocument(entry))
    }

    @Sendable func optOut(_ request: Request, context: AppRequestContext) async throws -> ConsentEntryList {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.update)
        let subject = try await caller.reachableSubject(context.pathID("subject", naming: "subject"))
        let body = try await request.decode(as: OptOutRequest.self, context: context)
        let entries = try await Contacts(vault: caller.vault).optOutOfMarketing(
            subject: subject.id, source: ApiKeyword.parse(body.source, field: "source"), actor: caller.actor)
        return ConsentEntryList(entries: entries.map(ConsentEntryDocument.init))
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> ContactDecisionDocument {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let body = try await request.decode(as: ContactDecisionRequest.self, context: context)
        let question = ContactQuestion(
            purpose: body.purpose, channel: try ApiKeyword.parse(body.channel, field: "channel"), list: body.list)
        return ContactDecisionDocument(
            try await Contacts(vault: caller.vault).decide(subject: body.subject, question, reaching: caller.reaches))
    }

    /// The same decision as ``decide(_:context:)``, asked with a `GET` and the question in the
    /// query: `?subject=&purpose=&channel=&list=`. Nothing to decode, so integrations that ask
    /// before every send can ask cheaply.
    @Sendable func decideFromQuery(
        _ request: Request, context: AppRequestContext
    ) async throws -> ContactDecisionDocument {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let query = request.uri.queryParameters
        guard let subjectText = query["subject"] else {
            throw ApiError.badRequest("subject: give the person's id as ?subject=")
        }
        guard let subject = UUIDText.parse(subjectText) else {
            throw ApiError.badRequest("subject: not an id")
        }
        guard let purpose = query["purpose"].map(String.init) else {
            throw ApiError.badRequest("purpose: give the purpose as ?purpose=")
        }
        guard let channel = query["channel"].map(String.init) else {
            throw ApiError.badRequest("channel: give the channel as ?channel= (email, sms, phone, post or fax)")
        }
        let question = ContactQuestion(
            purpose: purpose, channel: try ApiKeyword.parse(channel, field: "channel"),
            list: query["list"].map(String.init))
        return ContactDecisionDocument(
            try await Contacts(vault: caller.vault).decide(subject: subject, question, reaching: caller.reaches))
    }

    @Sendable func suppress(_ request: Request, context: AppRequestContext) async throws -> SuppressionState {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.update)
        let body = try await request.decode(as: SuppressionCreation.self, context: context)
        let scope: SuppressionScope = try body.scope.map { try ApiKeyword.parse($0, field: "scope") } ?? .all
        let reason: SuppressionReason = try body.reason.map { try ApiKeyword.parse($0, field: "reason") } ?? .manual
        try Self.requireSuppressionKind(body.kind)
        let contacts = Contacts(vault: caller.vault)
        try await contacts.suppress(
            kind: body.kind, value: body.value, scope: scope, reason: reason, actor: caller.actor)
        let now = try await contacts.suppression(kind: body.kind, value: body.value)
        return SuppressionState(suppressed: now != nil, scope: now?.rawValue)
    }

    /// The suppression list holds the kinds of address ``Contacts/suppressionKinds`` names; another
    /// kind is not the shape the API's description gives.
    private static func requireSuppressionKind(_ kind: String) throws {
        guard Contacts.suppressionKinds.contains(kind) else {
            throw ApiError.badRequest("kind: must be one of \(Contacts.suppressionKinds.joined(separator: ", "))")
        }
    }

    @Sendable func checkSuppression(_ request: Request, context: AppRequestContext) async throws -> SuppressionState {
        let caller = try context.requireIdentity()
        try caller.requireAnyReach(.read)
        let body = try await request.decode(as: SuppressionCheck.self, context: context)
        try Self.requireSuppressionKind(body.kind)
        let scope = try await Contacts(vault: caller.vault).suppression(kind: body.kind, value: body.value)
        return SuppressionState(suppressed: scope != nil, scope: scope?.rawValue)
    }

    @Sendable func audience(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requireIdentity()
        try caller.requireAdministrator(to: "export audiences")
        let query = request.uri.queryParameters
        guard let purpose = query["purpose"].map(String.init) else {
            throw ApiError.badRequest("purpose: give the purpose as ?purpose=")
        }
        let channel: MarketingChannel =
            try query["channel"].map { try ApiKeyword.parse(String($0), field: "channel") }
            ?? .email
        let format: AudienceWriter.Format =
            switch query["format"].map(String.init) {
            case nil, "json": .json
            case "csv": .csv
            default: throw ApiError.badRequest("format: must be one of json, csv")
            }
        let headers = try ApiAccessHeaders(request)
        let question = ContactQuestion(purpose: purpose, channel: channel, list: query["list"].map(String.init))
        // Decided and audited before the answer starts; the members follow a batch at a time.
        let export = try await Contacts(vault: caller.vault).exportAudience(
            question, actor: caller.actor, reason: headers.reason)
        let body = ResponseBody { writer in
            var text = AudienceWriter(format: format, question: question)
            try await writer.write(ByteBuffer(string: try text.opening()))
            let summary = try await export.write { members in
                try await writer.write(ByteBuffer(string: try text.members(members)))
            }
            try await writer.write(ByteBuffer(string: try text.closing(summary)))
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: format == .csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                .cacheControl: "no-store",
            ],
            body: body)
    }
}
