import CustosCore
import CustosServices
import Foundation

/// The signed-in user of a console request: their account, their workspace's vault, and what
/// they reach there.
struct ConsoleUser: Sendable {
    let account: StoredStaffUser
    let vault: Vault
    let access: StaffAccess

    init(account: StoredStaffUser, vault: Vault, attendees: Set<UUID> = []) {
        self.account = account
        self.vault = vault
        access = StaffAccess(
            role: account.role, schoolID: account.schoolID, attendees: attendees, policy: vault.policy)
    }

    /// The user, with, for a trainer, the attendees of the events they deliver (found by the
    /// events' blind indexes, without opening anyone's records).
    static func signedIn(_ account: StoredStaffUser, vault: Vault) async throws -> ConsoleUser {
        guard account.role == .trainer, !account.events.isEmpty, vault.policy.events != nil else {
            return ConsoleUser(account: account, vault: vault)
        }
        let attendees = try await vault.attendeeIDs(ofEvents: account.events)
        return ConsoleUser(account: account, vault: vault, attendees: Set(attendees))
    }

    /// The audit log's name for the user.
    var actor: String { account.actor }

    /// The user as the vault's door knows them.
    var user: DataUser { DataUser(actor: actor, access: access) }

    var role: StaffRole { account.role }

    /// Whether the user's role may use `ability`.
    func may(_ ability: ConsoleAbility) -> Bool { ability.allows(role) }

    /// The record types the user may add or import: their role changes every field, across the
    /// workspace.
    var writableTypes: [RecordType] {
        vault.policy.recordTypes.filter { type in
            guard let grant = access.grant(.update, recordType: type.id) else { return false }
            return grant.coversEveryField && grant.scope == .workspace && account.schoolID == nil
        }
    }

    /// Whether the user reaches anyone at all (they may search for people).
    var readsPeople: Bool {
        access.reachesAnything(.read, recordTypes: vault.policy.recordTypes.map(\.id))
    }

    /// The person `id`, if they are in the user's workspace and within reach; nil otherwise, so
    /// a guessed id from another school or workspace reads exactly as an unknown one.
    func reachableSubject(_ id: UUID) async throws -> StoredSubject? {
        try await vault.subjects([id], reachableBy: access).first
    }

    /// An audit event by the user.
    func event(_ action: String, purpose: String? = nil, subjectID: UUID? = nil, detail: String) -> AuditEvent {
        AuditEvent(
            workspaceID: vault.workspace.id, time: Date(), actor: actor, action: action, purpose: purpose,
            reason: "staff console", subjectID: subjectID, detail: detail)
    }
}
