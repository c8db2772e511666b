import CustosCore
import CustosServices
import Foundation

/// Who is calling the API: a live token, its workspace's vault, and what its role may do there.
/// Every API route asks this one place.
struct ApiCaller: Sendable {
    let token: StoredAccessToken
    let vault: Vault
    let access: StaffAccess

    init(token: StoredAccessToken, vault: Vault) {
        self.token = token
        self.vault = vault
        access = StaffAccess(role: token.role, schoolID: token.schoolID, policy: vault.policy)
    }

    /// The audit log's name for the caller.
    var actor: String { token.actor }

    /// The caller as the vault's door knows them.
    var user: DataUser { DataUser(actor: actor, access: access) }

    /// The grant for `action` on `type`, or a 403 naming the role and type.
    func grant(_ action: AccessAction, recordType type: String) throws -> AccessGrant {
        guard let grant = access.grant(action, recordType: type) else {
            throw ApiError.forbidden("the \(token.role.rawValue) role may not \(action.rawValue) \(type) records")
        }
        return grant
    }

    /// Whether the caller's role reaches anyone at all for `action` (it may search and list).
    func requireAnyReach(_ action: AccessAction) throws {
        guard access.reachesAnything(action, recordTypes: vault.policy.recordTypes.map(\.id)) else {
            throw ApiError.forbidden("the \(token.role.rawValue) role may not \(action.rawValue) any records")
        }
    }

    /// Only the DPO and admins change the workspace's own settings (its schools) and export
    /// audiences; `what` completes "only the dpo and admin roles may ...".
    func requireAdministrator(to what: String) throws {
        guard token.role == .dpo || token.role == .admin else {
            throw ApiError.forbidden("only the dpo and admin roles may \(what)")
        }
    }

    /// The subject `id`, if it is in the workspace and within the caller's reach; else a 404.
    func reachableSubject(_ id: UUID) async throws -> StoredSubject {
        guard let subject = try await vault.subjects([id], reachableBy: access).first
        else { throw ApiError.notFound("there is no subject \(id) in this workspace") }
        return subject
    }

    /// Whether a subject is within the caller's reach. Out of reach reads as not found, so nothing leaks.
    func reaches(_ subject: StoredSubject) -> Bool { access.reaches(subject) }

    /// The grant to change records of `type`: every field, across the workspace (scoped roles
    /// read through the API but do not write).
    func writeGrant(recordType type: String) throws -> AccessGrant {
        let grant = try grant(.update, recordType: type)
        guard grant.coversEveryField, grant.scope == .workspace, token.schoolID == nil else {
            throw ApiError.forbidden("the \(token.role.rawValue) role may not change \(type) records through the API")
        }
        return grant
    }

    /// A purpose named for a use the door does not read records for (a search, the consent
    /// ledger): nil when none is named; refused when it is not the policy's, so that no made-up
    /// word reaches the audit log as a purpose.
    func checkedPurpose(_ purpose: String?) throws -> String? {
        guard let purpose else { return nil }
        guard vault.policy.purpose(purpose) != nil else {
            throw vault.useDecider.unknownPurpose(purpose, role: token.role, action: .read)
        }
        return purpose
    }

    /// An audit event by the caller.
    func event(
        _ action: String, purpose: String?, reason: String?, subjectID: UUID? = nil, detail: String
    ) -> AuditEvent {
        AuditEvent(
            workspaceID: vault.workspace.id, time: Date(), actor: actor, action: action, purpose: purpose,
            reason: reason, subjectID: subjectID, detail: detail)
    }
}
