public import CustosCore
public import Foundation

/// Workspaces and the versions of their policies.
public protocol WorkspaceStore: Sendable {
    /// Creates a workspace with its first policy version, in one transaction.
    func createWorkspace(
        name: String, title: String, policy: LoadedPolicy, by actor: String, at time: Date
    ) async throws -> (Workspace, PolicyVersion)

    func workspace(named name: String) async throws -> Workspace?

    /// All workspaces, by name.
    func workspaces() async throws -> [Workspace]

    /// Records `policy` as the workspace's next version, unless its text is the current version's.
    func recordPolicyVersion(
        _ policy: LoadedPolicy, in workspace: Workspace, by actor: String, at time: Date
    ) async throws -> PolicyVersionOutcome

    /// Every version, oldest first.
    func policyVersions(in workspace: Workspace) async throws -> [PolicyVersion]

    /// The version in force: the latest.
    func currentPolicyVersion(in workspace: Workspace) async throws -> PolicyVersion?

    /// The number of the version in force, without its text: a cheap check that a cached policy
    /// is still the one in force.
    func currentPolicyVersionNumber(in workspaceID: UUID) async throws -> Int?

    /// The ids of the schema's migrations (``SchemaMigrations``) not yet applied to the database,
    /// oldest first; empty when the schema is current. Asking is also a check that it answers.
    func pendingMigrations() async throws -> [String]
}

/// Everything Custos stores. Each backend (SQLite, PostgreSQL) implements all of it and passes the
/// same contract tests.
public protocol CustosStore: WorkspaceStore, PersonalDataStore, AccessTokenStore, ContactStore, CookieConsentStore,
    MessageStore, RequestStore, TaskStore, LegalHoldStore, RetentionStore,
    ComplaintStore, BreachStore, DisclosureStore, StaffUserStore, RegistrationStore, JobClaimStore,
    AttemptLimitStore, ServerPresenceStore, KeyUseStore, ImportJobStore, BankHolidayStore,
    TelephonePreferenceStore
{
    /// Runs `body`, the work of one request, whose small cached reads (its token, contact facts)
    /// may then all answer as of the request's first: a store that caches them asks once per
    /// request whether anything changed. Writes made by the request are still seen by its reads.
    func withRequestReads<T: Sendable>(_ body: () async throws -> T) async throws -> T
}

extension CustosStore {
    public func withRequestReads<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await body()
    }
}

extension WorkspaceStore {
    /// The workspace with `id`, if there is one.
    public func workspace(id: UUID) async throws -> Workspace? {
        try await workspaces().first { $0.id == id }
    }

    /// The workspace named `name`, or the only one when `name` is nil.
    public func resolveWorkspace(_ name: String?) async throws -> Workspace {
        if let name {
            guard let workspace = try await workspace(named: name) else { throw StoreError.workspaceNotFound(name) }
            return workspace
        }
        let all = try await workspaces()
        guard let only = all.first else { throw StoreError.noWorkspace }
        guard all.count == 1 else { throw StoreError.ambiguousWorkspace(all.map(\.name)) }
        return only
    }
}
