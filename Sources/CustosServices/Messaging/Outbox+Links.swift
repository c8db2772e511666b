public import CustosCore
import CustosStorage
public import Foundation

extension Outbox {
    /// The person's communications log: every message queued for them, oldest first, with its events.
    public func communications(of id: UUID) async throws -> [Communication] {
        guard try await store.subjects([id], in: workspaceID).first != nil else { throw VaultError.subjectNotFound(id) }
        let byMessage = Dictionary(
            grouping: try await store.messageEvents(ofSubject: id, in: workspaceID), by: \.messageID)
        return try await store.messages(ofSubject: id, in: workspaceID).map {
            Communication(message: $0, events: byMessage[$0.id] ?? [])
        }
    }

    /// Acts on a one-click unsubscribe link: the consent for the link's purpose and list, by
    /// email, is withdrawn (unless it already is), and the message's log says so. Nil when nothing
    /// needed to change, an erased person included: erasure put their addresses on the
    /// suppression list for everything.
    @discardableResult
    public func unsubscribe(_ claims: LinkClaims, at time: Date = Date()) async throws -> ConsentEntry? {
        guard claims.kind == .unsubscribe, let purposeID = claims.purpose, let person = claims.subjectID else {
            throw VaultError("token: not an unsubscribe link", kind: .invalid)
        }
        // A list the policy has since dropped: withdraw from the whole purpose.
        let purpose: Purpose
        do {
            purpose = try contacts.decider.purpose(purposeID, channel: .email, list: nil)
        } catch {
            throw VaultError(error.description, kind: .invalid)
        }
        let list = purpose.marketing?.lists.contains { $0.id == claims.list } == true ? claims.list : nil
        let subjectID = try await contacts.current(person)
        let facts = try await contacts.facts(of: subjectID)
        if facts.isGone { return nil }
        if facts.consents.current(purpose: purpose.id, channel: .email, list: list)?.action == .withdrawn {
            return nil
        }
        let entry = try await contacts.record(
            .withdrawn, subject: subjectID, purpose: purpose.id, channel: .email, list: list,
            source: .unsubscribeLink, actor: "subject", at: time)
        if let messageID = claims.messageID, let message = try await store.message(messageID, in: workspaceID),
            message.subjectID == claims.subjectID
        {
            var changes = ChangeSet(workspaceID: workspaceID)
            changes.messages.events = [
                MessageEvent(
                    messageID: messageID, subjectID: person, kind: .unsubscribed, at: time,
                    detail: "list \(list ?? "all of \(purpose.id)")")
            ]
            try await store.apply(changes)
        }
        return entry
    }

    /// Records the first open of a tracked message, and only where the policy in force still
    /// declares tracking for its purpose.
    @discardableResult
    public func recordOpen(_ claims: LinkClaims, at time: Date = Date()) async throws -> OpenTracking {
        guard claims.kind == .open, let messageID = claims.messageID,
            let message = try await store.message(messageID, in: workspaceID),
            message.subjectID == claims.subjectID, message.tracked,
            vault.policy.purpose(message.purpose)?.marketing?.tracking == true
        else { return .notTracked }
        let events = try await store.messageEvents(ofSubject: message.subjectID, in: workspaceID)
        guard !events.contains(where: { $0.messageID == messageID && $0.kind == .opened }) else {
            return .alreadyRecorded
        }
        var changes = ChangeSet(workspaceID: workspaceID)
        changes.messages.events = [
            MessageEvent(messageID: messageID, subjectID: message.subjectID, kind: .opened, at: time)
        ]
        try await store.apply(changes)
        return .recorded
    }
}
