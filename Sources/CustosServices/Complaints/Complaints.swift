public import CustosCore
public import CustosStorage
public import Foundation

/// The complaints register: complaints about how personal data was handled, taken in by staff
/// from any channel, acknowledged within 30 days of receipt (DPA 2018 s 164A; the day moves to
/// the next working day, and a complaint received before the duty began has none: see
/// ``ComplaintClock``), and closed with
/// an outcome; each may name the person, the request it arose from and the breach it is about. What the person said and
/// the outcome are sealed; the audit log records the steps, never the words.
public struct Complaints: Sendable {
    public let vault: Vault

    public init(vault: Vault) {
        self.vault = vault
    }

    var store: any CustosStore { vault.store }
    var workspaceID: UUID { vault.workspace.id }

    /// Takes in a complaint received on `day`. Throws a ``VaultError`` naming the field when the
    /// summary is empty, or the person, request or breach named is not in this workspace.
    @discardableResult
    public func receive(
        summary: String, channel: RequestChannel, on day: CalendarDay, subject: UUID? = nil, request: UUID? = nil,
        breach: UUID? = nil, actor: String, at time: Date = Date()
    ) async throws -> StoredComplaint {
        try VaultError.requireNotFuture(day, "received", at: time)
        let summary = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty else {
            throw VaultError("summary: say what the complaint is about", kind: .invalid)
        }
        var person: UUID?
        if let subject { person = try await Contacts(vault: vault).current(subject) }
        if let request, try await store.request(request, in: workspaceID) == nil {
            throw VaultError("request: there is no request \(request) in this workspace", kind: .invalid)
        }
        if let breach, try await store.breach(breach, in: workspaceID) == nil {
            throw VaultError("breach: there is no breach \(breach) in this workspace", kind: .invalid)
        }
        let id = UUID()
        let (key, sealed) = try OwnKeySealing.seal(
            ComplaintText(summary: summary), under: vault.requesterKey, keyContext: Self.keyContext(id, workspaceID),
            context: Self.sealContext(id, workspaceID))
        let complaint = StoredComplaint(
            id: id, receivedOn: day, channel: channel, subjectID: person, requestID: request, breachID: breach,
            acknowledgeBy: ComplaintClock(holidays: try await vault.bankHolidays()).targetDay(receivedOn: day),
            key: key, sealed: sealed, recordedBy: actor,
            recordedAt: time)
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.complaints.received = [complaint]
        changes.audit = [
            vault.event(
                "complaint.received", actor: actor, at: time, subjectID: person,
                detail:
                    "complaint \(id) by \(channel.rawValue), received \(day.iso), \(complaint.isStatutory ? "to acknowledge by" : "before the statutory duty; good practice is to acknowledge by") \(complaint.acknowledgeBy.iso)\(request.map { ", about request \($0)" } ?? "")\(breach.map { ", about breach \($0)" } ?? "")"
            )
        ]
        try await store.apply(changes)
        return complaint
    }

    /// Records that the complaint was acknowledged on `day`; a second time changes nothing.
    @discardableResult
    public func acknowledge(
        _ id: UUID, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws
        -> StoredComplaint
    {
        try VaultError.requireNotFuture(day, "on", at: time)
        var complaint = try await load(id)
        guard complaint.acknowledgedOn == nil else { return complaint }
        guard day >= complaint.receivedOn else {
            throw VaultError("on: a complaint is acknowledged on or after the day it came", kind: .invalid)
        }
        complaint.acknowledgedOn = day
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.complaints.updates = [ComplaintUpdate(complaintID: id, acknowledgedOn: day)]
        changes.audit = [
            vault.event(
                "complaint.acknowledged", actor: actor, at: time, subjectID: complaint.subjectID,
                detail:
                    "complaint \(id) acknowledged \(day.iso)\(complaint.isStatutory && day > complaint.acknowledgeBy ? ", \(complaint.acknowledgeBy.days(to: day)) days late" : "")"
            )
        ]
        try await store.apply(changes)
        return complaint
    }

    /// Closes the complaint on `day` with what was found and done; acknowledges it too if that was
    /// not recorded. Throws a ``VaultError`` when the outcome is empty or it is closed already.
    @discardableResult
    public func close(
        _ id: UUID, outcome: String, on day: CalendarDay, actor: String, at time: Date = Date()
    ) async throws -> StoredComplaint {
        try VaultError.requireNotFuture(day, "on", at: time)
        var complaint = try await load(id)
        let outcome = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !outcome.isEmpty else { throw VaultError("outcome: say what was found and done", kind: .invalid) }
        guard complaint.isOpen else { throw VaultError("complaint \(id) is closed already", kind: .conflict) }
        var text = try self.text(of: complaint)
        text.outcome = outcome
        let sealed = try OwnKeySealing.reseal(
            text, key: complaint.key, under: vault.requesterKey, keyContext: Self.keyContext(id, workspaceID),
            context: Self.sealContext(id, workspaceID), what: "complaint \(id)")
        complaint.acknowledgedOn = complaint.acknowledgedOn ?? day
        complaint.closedOn = day
        complaint.sealed = sealed
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.complaints.updates = [
            ComplaintUpdate(complaintID: id, acknowledgedOn: complaint.acknowledgedOn, closedOn: day, sealed: sealed)
        ]
        changes.audit = [
            vault.event(
                "complaint.closed", actor: actor, at: time, subjectID: complaint.subjectID,
                detail: "complaint \(id) closed \(day.iso)")
        ]
        try await store.apply(changes)
        return complaint
    }

    /// The workspace's complaints, open ones first by the day they must be acknowledged.
    public func list(includingClosed: Bool = false) async throws -> [StoredComplaint] {
        try await store.complaints(in: workspaceID, includingClosed: includingClosed)
    }

    /// The complaint and what it says, opened; audited as `complaint.read`.
    public func show(_ id: UUID, actor: String, at time: Date = Date()) async throws -> (StoredComplaint, ComplaintText)
    {
        let complaint = try await load(id)
        let text = try self.text(of: complaint)
        try await vault.audit([
            vault.event(
                "complaint.read", actor: actor, at: time, subjectID: complaint.subjectID, detail: "complaint \(id)")
        ])
        return (complaint, text)
    }

    private func load(_ id: UUID) async throws -> StoredComplaint {
        guard let complaint = try await store.complaint(id, in: workspaceID) else {
            throw VaultError("there is no complaint \(id) in this workspace", kind: .notFound)
        }
        return complaint
    }

    private func text(of complaint: StoredComplaint) throws -> ComplaintText {
        try OwnKeySealing.open(
            ComplaintText.self, key: complaint.key, sealed: complaint.sealed, under: vault.requesterKey,
            keyContext: Self.keyContext(complaint.id, workspaceID),
            context: Self.sealContext(complaint.id, workspaceID),
            what: "complaint \(complaint.id)")
    }

    static func keyContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("complaint-key", workspaceID.uuidString, id.uuidString)
    }

    static func sealContext(_ id: UUID, _ workspaceID: UUID) -> Envelope.Context {
        Envelope.Context("complaint", workspaceID.uuidString, id.uuidString)
    }
}
