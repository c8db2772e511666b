public import CustosCore
public import CustosStorage
public import Foundation

/// The register of requests from people, kept on the legal clock: each is taken in, moved through
/// its states by events that are never rewritten (``RequestHistory`` decides which are allowed),
/// and listed by due date. Every step is audited with who took it and why.
public struct Requests: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    /// The workspace's clock: the month as its policy counts it, over its nation's bank holidays.
    public func clock() async throws -> RequestClock {
        RequestClock(period: vault.policy.rights.deadline, holidays: try await vault.bankHolidays())
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// Takes in a request. Throws a ``VaultError`` naming the field when it cannot be taken: an
    /// unknown person, a request for the educational record where the policy offers none, a
    /// request on someone's behalf without the decision on their competence.
    public func open(_ intake: RequestIntake, actor: String, at time: Date = Date()) async throws -> StoredRequest {
        let (request, changes) = try await opening(intake, actor: actor, at: time)
        try await store.apply(changes)
        // As kept, with the number the register gave it.
        return try await store.request(request.id, in: workspaceID) ?? request
    }

    /// The request `intake` opens and what opening it writes, not yet applied.
    func opening(
        _ intake: RequestIntake, actor: String, at time: Date
    ) async throws -> (StoredRequest, ChangeSet) {
        try VaultError.requireNotFuture(intake.receivedOn, "received", at: time)
        if let id = intake.subjectID, try await store.subjects([id], in: workspaceID).isEmpty {
            throw VaultError.subjectNotFound(id)
        }
        if intake.kind == .educationalRecord, !vault.policy.rights.educationalRecord {
            throw VaultError(
                "kind: the policy does not offer parents the educational record (rights.educational_record)",
                kind: .invalid)
        }
        if let ground = intake.feeGround { try checkFee(ground, kind: intake.kind) }
        let relationship = intake.onBehalfAs?.trimmingCharacters(in: .whitespacesAndNewlines)
        let competence = intake.competence?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let relationship, !relationship.isEmpty, competence?.isEmpty ?? true {
            throw VaultError(
                "competence: a request made on someone's behalf records the decision on their competence to act for themselves",
                kind: .invalid)
        }
        let history = RequestHistory(
            kind: intake.kind, receivedOn: intake.receivedOn, by: actor, identityShown: intake.identityShown,
            awaitsFee: intake.feeGround != nil, needsApproval: needsApproval(intake.kind), clock: try await clock())
        let id = UUID()
        let party = try (relationship?.isEmpty == false ? relationship : nil).map {
            try seal(RequestParty(relationship: $0, competence: competence ?? ""), requestID: id)
        }
        let request = StoredRequest(
            id: id, workspaceID: workspaceID, subjectID: intake.subjectID, kind: intake.kind, channel: intake.channel,
            state: history.state, receivedOn: intake.receivedOn,
            dueOn: history.deadline(schoolCalendar: try await calendar(for: intake.kind), asOf: intake.receivedOn)?.due,
            awaitsFee: intake.feeGround != nil, feeGround: intake.feeGround, party: party, createdAt: time)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.requests.opened = [request]
        changes.requests.events = history.events.map {
            StoredRequestEvent(requestID: request.id, event: $0, recordedAt: time)
        }
        changes.audit = [
            vault.event(
                "request.received", actor: actor, at: time, subjectID: intake.subjectID,
                detail:
                    "request \(request.id): \(intake.kind.rawValue) by \(intake.channel.rawValue), received \(intake.receivedOn.iso), \(request.dueOn.map { "due \($0.iso)" } ?? request.clockWaitsFor?.plainEnglish ?? "no due date")\(intake.feeGround.map { "; a fee charged under \($0.reference)" } ?? "")"
            )
        ]
        return (request, changes)
    }

    /// Records `action` on the request, on `day`, if its state allows; returns the request as it
    /// now stands. Throws a ``VaultError`` of kind `.invalid` saying why a step is not allowed.
    @discardableResult
    public func record(
        _ action: RequestEvent.Action, request id: UUID, on day: CalendarDay, reason: String? = nil, actor: String,
        at time: Date = Date()
    ) async throws -> StoredRequest {
        let (request, changes) = try await recording(
            action, request: id, on: day, reason: reason, actor: actor, at: time)
        try await store.apply(changes)
        return request
    }

    /// The request after `action` and what recording it writes, not yet applied. With `subject`,
    /// the request is tied to that person too.
    func recording(
        _ action: RequestEvent.Action, request id: UUID, on day: CalendarDay, reason: String?, actor: String,
        at time: Date, subject: UUID? = nil
    ) async throws -> (StoredRequest, ChangeSet) {
        try VaultError.requireNotFuture(day, "on", at: time)
        var (request, history) = try await load(id)
        if action == .completed, let command = Self.carriedOutBy[request.kind] {
            throw VaultError(
                "a request for \(request.kind.rawValue) is completed by carrying it out (custos request \(command) \(id)), which records what was done",
                kind: .invalid)
        }
        let event = RequestEvent(
            action, on: day, by: actor, reason: reason?.trimmingCharacters(in: .whitespacesAndNewlines))
        do {
            try history.record(event)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        request.state = history.state
        request.dueOn = history.deadline(schoolCalendar: try await calendar(for: request.kind), asOf: day)?.due
        if let subject { request.subjectID = subject }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.requests.updates = [
            RequestUpdate(requestID: id, state: request.state, dueOn: request.dueOn, subjectID: subject)
        ]
        changes.requests.events = [StoredRequestEvent(requestID: id, event: event, recordedAt: time)]
        changes.audit = [
            // The reason stays in the request's history: staff write it freely, and the audit log
            // holds no free text that could name anyone.
            vault.event(
                "request.\(action.rawValue)", actor: actor, at: time, subjectID: request.subjectID,
                detail:
                    "request \(id) (\(request.kind.rawValue)): \(request.state.rawValue)\(request.dueOn.map { ", due \($0.iso)" } ?? "")"
            )
        ]
        return (request, changes)
    }

    /// Ties request `id` to the person staff found it to be about (a request from the privacy
    /// centre whose address matched no one, a letter naming a child). Throws a ``VaultError`` when
    /// the person is unknown, or the request is already tied to someone else.
    @discardableResult
    public func tie(_ id: UUID, to subject: UUID, actor: String, at time: Date = Date()) async throws -> StoredRequest {
        var (request, _) = try await load(id)
        let person = try await Contacts(vault: vault).current(subject)
        if let tied = request.subjectID {
            guard try await Contacts(vault: vault).current(tied) == person else {
                throw VaultError("request \(id) is already tied to another person", kind: .conflict)
            }
            return request
        }
        request.subjectID = person
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.requests.updates = [
            RequestUpdate(requestID: id, state: request.state, dueOn: request.dueOn, subjectID: person)
        ]
        changes.audit = [
            vault.event(
                "request.tied", actor: actor, at: time, subjectID: person,
                detail: "request \(id) (\(request.kind.rawValue)) is about this person")
        ]
        try await store.apply(changes)
        return request
    }

    /// The access package for an access request, zipped: the report, the data and the table
    /// (``AccessPackages``, ``AccessPackageArchive``); for a parent's request for the educational
    /// record, the inspection copy: the child's educational record as the school holds it, with what
    /// is withheld and why, and what a copy costs. Audited as `request.package` with what it holds,
    /// counted. Throws a ``VaultError`` for another kind of request, a refused one, or one not yet
    /// tied to a person.
    public func package(_ id: UUID, actor: String, at time: Date = Date()) async throws -> Data {
        let (request, history) = try await load(id)
        guard [.access, .educationalRecord].contains(request.kind) else {
            throw VaultError(
                "request \(id) is a request for \(request.kind.rawValue): only an access request or a request for the educational record has a package",
                kind: .invalid)
        }
        guard request.state != .refused else { throw VaultError("request \(id) was refused", kind: .conflict) }
        try Self.requireIdentity(of: request, history)
        let subject = try await person(of: request)
        var (package, reads) = try await AccessPackages(vault: vault).gather(subject: subject, actor: actor, at: time)
        package.requestReceived = request.receivedOn
        if request.kind == .educationalRecord { try Self.educationalRecord(of: &package, policy: vault.policy) }
        Self.hold(back: try await store.withholdings(of: id, in: workspaceID), from: &package)
        let zip = try AccessPackageArchive.zip(package)
        try await vault.audit(
            reads + [
                vault.event(
                    "request.package", actor: actor, at: time, subjectID: subject,
                    detail:
                        "request \(id): \(package.records.count) records, \(package.consents.count) consent entries, \(package.messages.count) messages"
                )
            ])
        return zip
    }

    /// The kinds of school record that make up a pupil's educational record (the curricular
    /// record, SEN and exclusions; Education (Pupil Information) (England) Regulations 2005 reg 2).
    static let educationalRecordKinds: Set<SchoolRecordKind> = [
        .pupilRecordPrimary, .pupilRecordSecondary, .senFile, .exclusion,
    ]

    /// Makes `package` the inspection copy of the educational record: the child's records of the
    /// kinds the record is made of, nothing of consents, messages or disclosures, and what a copy
    /// costs. Throws a ``VaultError`` when the policy marks no record type as one of those kinds:
    /// a parent is never handed every record of the child (a child protection file among them).
    static func educationalRecord(of package: inout AccessPackage, policy: Policy) throws(VaultError) {
        let types = Set(
            policy.recordTypes.filter { $0.kind.map(educationalRecordKinds.contains) == true }.map(\.id))
        guard !types.isEmpty else {
            throw VaultError(
                "the policy marks no record type as part of the educational record: give the pupil's records kind: pupil_record_primary or pupil_record_secondary (and sen_file, exclusion) first",
                kind: .invalid)
        }
        package.records = package.records.filter { types.contains($0.type) }
        package.answer = .educationalRecord
        package.consents = []
        package.messages = []
        package.disclosures = []
        package.processingStates = []
        package.automatedDecisions = []
        package.copyFee =
            "A copy costs no more than the cost of supplying it"
            + (policy.rights.fee.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap {
                $0.isEmpty ? nil : ": \($0)."
            } ?? ".")
    }

    /// Who asked, for a request made on someone else's behalf: opened from its seal (or, for a
    /// request kept before it was sealed, as it was kept). Nil for a request made by the person.
    public func party(of request: StoredRequest) throws -> RequestParty? {
        if let party = request.party {
            return try OwnKeySealing.open(
                RequestParty.self, key: party.key, sealed: party.sealed, under: vault.requesterKey,
                keyContext: RequestParty.keyContext(workspaceID: workspaceID, requestID: request.id),
                context: RequestParty.sealContext(workspaceID: workspaceID, requestID: request.id),
                what: "who made request \(request.id)")
        }
        return request.plainParty
    }

    /// Seals the party of the workspace's requests kept in plain text before this version; run
    /// when the workspace's vault is opened. Returns how many were sealed.
    @discardableResult
    public func sealPlainParties() async throws -> Int {
        let plain = try await store.requestsWithPlainParty(in: workspaceID)
        guard !plain.isEmpty else { return 0 }
        var changes = ChangeSet(workspaceID: workspaceID)
        for request in plain {
            guard let party = request.plainParty else { continue }
            changes.requests.partiesSealed[request.id] = try seal(party, requestID: request.id)
        }
        changes.audit = [
            vault.event(
                "request.party.sealed", actor: "system",
                detail: "who asked, for \(plain.count) requests made on someone's behalf, sealed")
        ]
        // Two servers opening the workspace at once: the first seals, the other leaves it.
        changes.conditions = [.requestPartiesPlain(Array(changes.requests.partiesSealed.keys))]
        do {
            try await store.apply(changes)
        } catch let error as StoreError where error == .conditionFailed("") {
            return 0
        }
        return plain.count
    }

    private func seal(_ party: RequestParty, requestID: UUID) throws -> SealedText {
        let (key, sealed) = try OwnKeySealing.seal(
            party, under: vault.requesterKey,
            keyContext: RequestParty.keyContext(workspaceID: workspaceID, requestID: requestID),
            context: RequestParty.sealContext(workspaceID: workspaceID, requestID: requestID))
        return SealedText(key: key, sealed: sealed)
    }

    /// Nothing about a person leaves before the requester is known to be them: an access package,
    /// a portable copy and an erasure certificate need the request's identity step done.
    static func requireIdentity(of request: StoredRequest, _ history: RequestHistory) throws(UseRefusal) {
        guard history.has(.verified) else {
            throw UseRefusal(
                .identityNotVerified,
                "request \(request.id) awaits the requester's identity: nothing about the person is given before it is verified"
            )
        }
    }

    /// Holds back an item from an access request (or a parent's request for the educational
    /// record) under an exemption the policy lists (`rights.withheld`): the whole of `record`, or
    /// only `fields` of the person's part. Throws a ``VaultError`` naming the field when the
    /// exemption is not the policy's, the record or a field is not the person's, or the reason is
    /// blank. The reason stays in the register, out of the audit log and the package.
    @discardableResult
    public func withhold(
        request id: UUID, record recordID: UUID, fields: [String]? = nil, exemption: Exemption, reason: String,
        on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws -> RequestWithholding {
        try VaultError.requireNotFuture(day, "on", at: time)
        let (request, _) = try await load(id)
        guard [.access, .educationalRecord].contains(request.kind) else {
            throw VaultError(
                "request \(id) is a request for \(request.kind.rawValue): nothing is sent to withhold from",
                kind: .invalid)
        }
        guard !request.state.isClosed else {
            throw VaultError("request \(id) is \(request.state.rawValue) already", kind: .conflict)
        }
        guard vault.policy.rights.withheld.contains(exemption) else {
            let listed = vault.policy.rights.withheld.map(\.rawValue).joined(separator: ", ")
            throw VaultError(
                "exemption: the policy's notice does not say '\(exemption.rawValue)' may be withheld (rights.withheld: \(listed.isEmpty ? "none" : listed))",
                kind: .invalid)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw VaultError("reason: say why it is withheld", kind: .invalid) }
        let subject = try await person(of: request)
        let parts = try await store.recordParts(ofRecord: recordID, in: workspaceID)
        guard let part = parts.first(where: { $0.subjectID == subject }), let type = vault.policy.recordType(part.type)
        else {
            throw VaultError("record: record \(recordID) holds no part of the request's person", kind: .invalid)
        }
        for name in fields ?? [] {
            guard let field = type.fields.first(where: { $0.name == name }), type.role(of: field)?.name == part.role
            else {
                throw VaultError("fields: '\(name)' is not a field of the person's part of the record", kind: .invalid)
            }
        }
        let item = RequestWithholding(
            requestID: id, recordID: recordID, fields: fields.flatMap { $0.isEmpty ? nil : $0 }, exemption: exemption,
            reason: reason, decidedBy: actor, decidedOn: day)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.requests.withholdings = [item]
        changes.audit = [
            vault.event(
                "request.withhold", actor: actor, at: time, subjectID: subject,
                detail:
                    "request \(id): record \(recordID)\(item.fields.map { " fields \($0.joined(separator: ", "))" } ?? ""), \(exemption.reference)"
            )
        ]
        try await store.apply(changes)
        return item
    }

    /// Leaves out of `package` what `items` hold back, and says on which grounds where the person
    /// may be told.
    static func hold(back items: [RequestWithholding], from package: inout AccessPackage) {
        guard !items.isEmpty else { return }
        for item in items {
            if let fields = item.fields {
                for index in package.records.indices where package.records[index].id == item.recordID {
                    package.records[index].fields.removeAll { fields.contains($0.name) }
                    for version in package.records[index].earlier.indices {
                        package.records[index].earlier[version].fields.removeAll { fields.contains($0.name) }
                    }
                }
            } else {
                package.records.removeAll { $0.id == item.recordID }
            }
        }
        var told = Set<Exemption>()
        package.withheld = items.map(\.exemption).filter { $0.isDisclosed && told.insert($0).inserted }.map {
            AccessPackage.Withheld(ground: $0.plainEnglish, reference: $0.reference)
        }
    }

    /// The data a person may take to another controller, for a portability request (Art 20): the
    /// records they gave, whatever brought them in (themselves, a form, or an import of what they
    /// gave: ``RecordType/isProvidedByPerson``), whose purposes rest on consent or a contract, as
    /// JSON and CSV in a zip. Audited as `request.portable`. Throws a ``VaultError``
    /// for another kind of request, a refused one, or when none of their data is portable.
    public func portable(_ id: UUID, actor: String, at time: Date = Date()) async throws -> Data {
        let (request, history) = try await load(id, kind: .portability)
        guard request.state != .refused else { throw VaultError("request \(id) was refused", kind: .conflict) }
        try Self.requireIdentity(of: request, history)
        let subject = try await person(of: request)
        let policy = vault.policy
        let portable = Set(
            try await store.recordParts(ofSubjects: [subject], in: workspaceID).filter { part in
                guard let type = policy.recordType(part.type),
                    [.person, .form].contains(part.source.kind) || type.isProvidedByPerson
                else { return false }
                return policy.purposes.contains {
                    type.purposes.contains($0.id) && [.consent, .contract].contains($0.lawfulBasis)
                }
            }.map(\.recordID))
        guard !portable.isEmpty else {
            throw VaultError(
                "nothing is portable: the right covers data the person gave, used on their consent or for a contract (UK GDPR Art 20(1))",
                kind: .invalid)
        }
        var (package, reads) = try await AccessPackages(vault: vault).gather(subject: subject, actor: actor, at: time)
        package.records = package.records.filter { portable.contains($0.id) }
        package.consents = []
        package.processingStates = []
        package.messages = []
        let zip = try AccessPackageArchive.portable(package)
        try await vault.audit(
            reads + [
                vault.event(
                    "request.portable", actor: actor, at: time, subjectID: subject,
                    detail: "request \(id): \(package.records.count) records")
            ])
        return zip
    }

    /// The workspace's requests, most urgent first: those whose clock runs with no date known
    /// (an educational-record request waiting for the school calendar), then soonest due, then
    /// those waiting for identity or a fee. Only open ones unless `includingClosed`.
    public func list(includingClosed: Bool = false) async throws -> [StoredRequest] {
        let requests = try await store.requests(in: workspaceID, includingClosed: includingClosed)
        let dateless = requests.filter { $0.clockWaitsFor?.clockRuns == true }
        guard !dateless.isEmpty else { return requests }
        return dateless + requests.filter { $0.clockWaitsFor?.clockRuns != true }
    }

    /// A page of the requests `query` matches, in its order, with how many it matches in all: the
    /// register as the console lists it.
    public func page(
        matching query: RequestQuery, limit: Int, offset: Int
    ) async throws -> (requests: [StoredRequest], total: Int) {
        (
            try await store.requests(in: workspaceID, matching: query, limit: limit, offset: offset),
            try await store.requestCount(in: workspaceID, matching: query)
        )
    }

    /// The request `id`, if the workspace has it.
    public func request(_ id: UUID) async throws -> StoredRequest? {
        try await store.request(id, in: workspaceID)
    }

    /// The request a reference names (`R-2026-0042`, or its number alone); nil when none does.
    public func request(reference: String) async throws -> StoredRequest? {
        guard let number = StoredRequest.number(inReference: reference),
            let found = try await store.request(numbered: number, in: workspaceID)
        else { return nil }
        // A year given must be the year it was received: R-2025-0042 is not R-2026-0042.
        let parts = reference.trimmingCharacters(in: .whitespaces).split(separator: "-")
        if parts.count == 3, parts[1] != found.receivedOn.iso.prefix(4) { return nil }
        return found
    }

    /// The requests about the person `subjectID`, open and closed.
    public func list(about subjectID: UUID) async throws -> [StoredRequest] {
        try await store.requests(ofSubject: subjectID, in: workspaceID)
    }

    /// The request, its history and its deadline as of `today`, with the steps that give it.
    public func show(
        _ id: UUID, asOf today: CalendarDay
    ) async throws -> (request: StoredRequest, events: [RequestEvent], deadline: RequestDeadline?) {
        let (request, history) = try await load(id)
        return (
            request, history.events,
            history.deadline(schoolCalendar: try await calendar(for: request.kind), asOf: today)
        )
    }

    /// The steps the request's state allows on `day`, in the order they usually come. Completing a
    /// correction, erasure, restriction or objection is not among them: those are completed by
    /// carrying them out.
    public func nextSteps(_ id: UUID, on day: CalendarDay) async throws -> [RequestEvent.Action] {
        let (request, history) = try await load(id)
        return RequestEvent.Action.allCases.filter { action in
            guard action != .received, action != .completed || Self.carriedOutBy[request.kind] == nil else {
                return false
            }
            return Self.allows(action, after: history, on: day)
        }
    }

    /// Whether request `id` is one completed only by carrying it out (an erasure, a correction, a
    /// restriction or an objection) and its state lets it complete on `day` now.
    public func mayCarryOut(_ id: UUID, on day: CalendarDay) async throws -> Bool {
        let (request, history) = try await load(id)
        return Self.carriedOutBy[request.kind] != nil && Self.allows(.completed, after: history, on: day)
    }

    /// Whether the state machine takes `action` after `history` on `day`.
    private static func allows(
        _ action: RequestEvent.Action, after history: RequestHistory, on day: CalendarDay
    ) -> Bool {
        var trial = history
        do {
            try trial.record(RequestEvent(action, on: day, by: "trial", reason: "trial"))
            return true
        } catch {
            return false
        }
    }

    /// The kinds of request completed only by carrying them out, and the command that does.
    static let carriedOutBy: [RequestKind: String] = [
        .erasure: "erase", .restriction: "restrict", .objection: "object", .rectification: "rectify",
    ]

    /// Completes the request on `day`, in one transaction with `changes` (what carrying it out
    /// writes): stores `outcome`, appends the completion and its audit entry, and, when
    /// `recipients` is not empty, a task to tell them (Art 19). Throws a ``VaultError`` of kind
    /// `.invalid` when the request is of another kind or its state does not allow completion.
    @discardableResult
    func complete(
        _ id: UUID, kind: RequestKind, carrying changes: ChangeSet, outcome: RequestOutcome, summary: String,
        recipients: [String], on day: CalendarDay, actor: String, at time: Date
    ) async throws -> StoredRequest {
        var (request, history) = try await load(id, kind: kind)
        let completion = RequestEvent(.completed, on: day, by: actor, reason: summary)
        do {
            try history.record(completion)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        var changes = changes
        request.state = .completed
        request.outcome = outcome
        changes.requests.updates = [
            RequestUpdate(requestID: id, state: .completed, dueOn: request.dueOn, outcome: outcome)
        ]
        changes.requests.events = [StoredRequestEvent(requestID: id, event: completion, recordedAt: time)]
        if !recipients.isEmpty {
            changes.tasks.opened = [
                StoredTask(
                    workspaceID: workspaceID, kind: .notifyRecipients, requestID: id, subjectID: request.subjectID,
                    summary: "Tell each recipient of the \(kind.rawValue) of request \(id) (UK GDPR Art 19)",
                    recipients: recipients, dueOn: request.dueOn.map { max($0, day) } ?? day, createdAt: time,
                    createdBy: actor)
            ]
        }
        changes.audit.append(
            vault.event(
                "request.completed", actor: actor, at: time, subjectID: request.subjectID,
                detail: "request \(id) (\(kind.rawValue)): \(summary)"))
        try await store.apply(changes)
        return request
    }

    /// The person request `id` is about now (merged records followed to their survivor). Throws a
    /// ``VaultError`` when the request is not yet tied to a person.
    func person(of id: UUID) async throws -> UUID {
        guard let request = try await store.request(id, in: workspaceID) else {
            throw VaultError("there is no request \(id) in this workspace", kind: .notFound)
        }
        return try await person(of: request)
    }

    /// The person `request` is about now (merged records followed to their survivor).
    func person(of request: StoredRequest) async throws -> UUID {
        guard let subject = request.subjectID else {
            throw VaultError(
                "request \(request.id) is not yet tied to a person: record whose it is first", kind: .invalid)
        }
        return try await Contacts(vault: vault).current(subject)
    }

    /// The school calendar a request of `kind` is counted on: the workspace's, for the
    /// educational record; none otherwise.
    private func calendar(for kind: RequestKind) async throws -> SchoolCalendar? {
        kind == .educationalRecord ? try await store.schoolCalendar(in: workspaceID) : nil
    }

    /// Refuses a fee the law or the policy does not allow: requests are free (UK GDPR Art 12(5)),
    /// save a reasonable fee for a manifestly unfounded or excessive request, or for further
    /// copies of what an access request gave; and only on a ground the policy's notice states
    /// (`rights.fees`), since people were told that is when a fee is charged.
    private func checkFee(_ ground: FeeCase, kind: RequestKind) throws(VaultError) {
        guard ground.isLawfulGround else {
            throw VaultError(
                "fee: requests are free; a fee is charged only for a manifestly unfounded or excessive request or for further copies (UK GDPR Art 12(5), 15(3))",
                kind: .invalid)
        }
        guard kind != .educationalRecord else {
            throw VaultError(
                "fee: seeing the educational record is free, and a copy costs no more than supplying it; the 15 school days do not wait for a fee (Education (Pupil Information) (England) Regulations 2005 reg 5)",
                kind: .invalid)
        }
        guard ground != .furtherCopies || kind == .access else {
            throw VaultError(
                "fee: a fee for further copies is charged only on an access request (UK GDPR Art 15(3))",
                kind: .invalid)
        }
        let allowed = vault.policy.rights.fees.filter(\.isLawfulGround)
        guard allowed.contains(ground) else {
            throw VaultError(
                "fee: the policy's notice does not say a fee is charged when \(ground.plainEnglish) (rights.fees: \(allowed.isEmpty ? "requests are free" : allowed.map(\.rawValue).joined(separator: ", ")))",
                kind: .invalid)
        }
    }

    /// Whether the policy makes the DPO approve requests of `kind` before they complete.
    private func needsApproval(_ kind: RequestKind) -> Bool {
        kind == .erasure && vault.policy.rights.erasureNeedsDPOApproval
    }

    /// The request and its history, refused with a ``VaultError`` when it is of another kind.
    func load(_ id: UUID, kind: RequestKind) async throws -> (StoredRequest, RequestHistory) {
        let loaded = try await load(id)
        guard loaded.0.kind == kind else {
            throw VaultError(
                "request \(id) is a request for \(loaded.0.kind.rawValue), not \(kind.rawValue)", kind: .invalid)
        }
        return loaded
    }

    func load(_ id: UUID, clock: RequestClock? = nil) async throws -> (StoredRequest, RequestHistory) {
        guard let request = try await store.request(id, in: workspaceID) else {
            throw VaultError("there is no request \(id) in this workspace", kind: .notFound)
        }
        let events = try await store.requestEvents(of: id, in: workspaceID).map(\.event)
        let given = clock
        let clock: RequestClock
        if let given { clock = given } else { clock = try await self.clock() }
        do {
            return (
                request,
                try RequestHistory(
                    kind: request.kind, awaitsFee: request.awaitsFee, needsApproval: needsApproval(request.kind),
                    clock: clock, replaying: events)
            )
        } catch {
            throw StoreError.corruptData("request \(id)'s history does not replay: \(error.description)")
        }
    }

    /// Works out again the due date of each open request (of `kind`, or every kind) and stores
    /// those that changed, audited as `request.due.recomputed`: after newer bank holidays are
    /// imported. Returns the requests whose date changed.
    @discardableResult
    public func recomputeDueDates(
        of kind: RequestKind? = nil, because why: String, actor: String, at time: Date = Date()
    ) async throws -> [StoredRequest] {
        let (changed, changes) = try await redating(of: kind, because: why, actor: actor, at: time)
        if !changed.isEmpty { try await store.apply(changes) }
        return changed
    }

    /// The due dates ``recomputeDueDates(of:because:actor:at:)`` would change and what changing them
    /// writes, not yet applied; with `calendar`, counted on it (a calendar about to be saved in the
    /// same transaction) instead of the one kept.
    func redating(
        of kind: RequestKind?, because why: String, actor: String, at time: Date, calendar: SchoolCalendar? = nil
    ) async throws -> ([StoredRequest], ChangeSet) {
        let clock = try await clock()
        let today = CalendarDay(time, in: CalendarDay.clockTimeZone)
        var changed: [StoredRequest] = []
        var changes = ChangeSet(workspaceID: workspaceID)
        for stored in try await list() where kind == nil || stored.kind == kind {
            var (request, history) = try await load(stored.id, clock: clock)
            let schoolCalendar: SchoolCalendar?
            if let calendar, request.kind == .educationalRecord {
                schoolCalendar = calendar
            } else {
                schoolCalendar = try await self.calendar(for: request.kind)
            }
            let due = history.deadline(schoolCalendar: schoolCalendar, asOf: today)?.due
            guard due != request.dueOn else { continue }
            changes.audit.append(
                vault.event(
                    "request.due.recomputed", actor: actor, at: time, subjectID: request.subjectID,
                    detail:
                        "request \(request.id) (\(request.kind.rawValue)): due \(request.dueOn?.iso ?? "not known") -> \(due?.iso ?? "not known"), \(why)"
                ))
            request.dueOn = due
            changes.requests.updates.append(RequestUpdate(requestID: request.id, state: request.state, dueOn: due))
            changed.append(request)
        }
        return (changed, changes)
    }
}
