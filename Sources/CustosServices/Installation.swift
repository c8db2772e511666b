public import CustosCore
public import CustosStorage
public import Foundation
public import Logging

/// One installation of Custos: its store and its master keys, as the composition root opened
/// them. The way in for everything that is not one workspace's personal data (workspaces and
/// their policy versions, staff accounts and console sessions, access tokens, the audit log),
/// and the way to a workspace's ``Vault``, the door to its personal data.
///
/// The store stays inside the services: nothing outside this module can reach it.
public struct Installation: Sendable {
    let store: any CustosStore
    /// The master keys.
    public let keys: MasterKeySource

    /// The installation over `store`. Where the master keys are at hand, the audit chain is
    /// written (and verified) under them.
    public init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        self.keys = keys
        if keys.isAvailable { store.auditKeys.use(keys) }
    }

    // MARK: Workspaces and policy versions

    /// Every workspace, by name.
    public func workspaces() async throws -> [Workspace] { try await store.workspaces() }

    /// The workspace named `name`, if there is one.
    public func workspace(named name: String) async throws -> Workspace? { try await store.workspace(named: name) }

    /// The workspace `id`, if there is one.
    public func workspace(id: UUID) async throws -> Workspace? { try await store.workspace(id: id) }

    /// The workspace a command names, or the only one when it names none.
    public func resolveWorkspace(_ name: String?) async throws -> Workspace {
        try await store.resolveWorkspace(name)
    }

    /// Makes a workspace with its first policy version.
    public func createWorkspace(
        name: String, title: String, policy: LoadedPolicy, by actor: String, at time: Date = Date()
    ) async throws -> (Workspace, PolicyVersion) {
        try await store.createWorkspace(name: name, title: title, policy: policy, by: actor, at: time)
    }

    /// Puts `policy` in force in `workspace`, unless it is the version in force already.
    public func recordPolicyVersion(
        _ policy: LoadedPolicy, in workspace: Workspace, by actor: String, at time: Date = Date()
    ) async throws -> PolicyVersionOutcome {
        try await store.recordPolicyVersion(policy, in: workspace, by: actor, at: time)
    }

    /// Every policy version of `workspace`, oldest first.
    public func policyVersions(in workspace: Workspace) async throws -> [PolicyVersion] {
        try await store.policyVersions(in: workspace)
    }

    /// The policy version in force in `workspace`.
    public func currentPolicyVersion(in workspace: Workspace) async throws -> PolicyVersion? {
        try await store.currentPolicyVersion(in: workspace)
    }

    /// The number of the policy version in force, read without loading the policy.
    public func currentPolicyVersionNumber(in workspaceID: UUID) async throws -> Int? {
        try await store.currentPolicyVersionNumber(in: workspaceID)
    }

    /// The schools `workspace` holds (no personal data: names, URNs and the lead's role).
    public func schools(in workspace: Workspace) async throws -> [School] {
        try await store.schools(in: workspace.id)
    }

    /// How many addresses are suppressed in `workspace`, by reason (no addresses).
    public func suppressionCounts(in workspace: Workspace) async throws -> [SuppressionReason: Int] {
        try await store.suppressionCounts(in: workspace.id)
    }

    /// Opens `workspace`'s vault under the policy in force.
    public func vault(_ workspace: Workspace) async throws -> Vault {
        try await Vault.open(store: store, workspace: workspace, keys: keys)
    }

    /// Opens `workspace`'s vault under `policy` (the policy just put in force).
    public func vault(_ workspace: Workspace, policy: Policy) async throws -> Vault {
        try await Vault.open(store: store, workspace: workspace, policy: policy, keys: keys)
    }

    // MARK: Installation-wide services

    /// The cookie banner's answers for `workspace`, checked against the register of `policy`
    /// (version `policyVersion`).
    public func cookieConsents(workspace: Workspace, policy: Policy, policyVersion: Int) -> CookieConsents {
        CookieConsents(store: store, workspace: workspace, policy: policy, policyVersion: policyVersion)
    }

    /// Staff accounts, sign-in and second factors.
    public func staffUsers(hashing: PasswordHashing = PasswordHashing()) -> StaffUsers {
        StaffUsers(store: store, hashing: hashing)
    }

    /// The staff console's sessions.
    public var consoleSessions: ConsoleSessions { ConsoleSessions(store: store) }

    /// API access tokens.
    public var accessTokens: AccessTokens { AccessTokens(store: store) }

    /// Limits on attempts (sign-ins, public forms), counted in the database.
    public var attemptLimits: AttemptLimits { AttemptLimits(store: store, keys: keys) }

    /// The audit log, verified under the master keys when they are at hand.
    public var auditLog: AuditLog { AuditLog(store: store) }

    /// Rotation of the master key.
    public var keyRotation: KeyRotation { KeyRotation(store: store, keys: keys) }

    /// The erasure journal, and its replay after a restore.
    public var erasureReplay: ErasureReplay { ErasureReplay(store: store, keys: keys) }

    /// The daily retention sweep, as a background service.
    public func retentionService(interval: Duration = .seconds(3600), logger: Logger) -> RetentionService {
        RetentionService(store: store, keys: keys, interval: interval, logger: logger)
    }

    /// The service that reports this server's presence and master keys (for key rotation).
    public func presenceReporter(logger: Logger) -> ServerPresenceReporter {
        ServerPresenceReporter(store: store, keys: keys, logger: logger)
    }

    /// The service that chains audit entries left waiting, every second.
    public func auditChainService(logger: Logger) -> AuditChainService {
        AuditChainService(store: store, logger: logger)
    }

    // MARK: Servers, keys and backups

    /// The servers that reported within ``ServerPresenceReporter/window``, by name.
    public func serversPresent() async throws -> [ServerPresence] {
        try await store.serversPresent(seenWithin: ServerPresenceReporter.window)
    }

    /// Whether this installation can serve: the database answers, its schema is current, and the
    /// master keys open every workspace's keys.
    public func readiness() async -> Readiness { await Readiness.check(store: store, keys: keys) }

    /// The master keys that wrap anything in the database now.
    public func masterKeyIDsInUse() async throws -> Set<String> { try await store.masterKeyIDsInUse() }

    /// The backups recorded and still kept, latest first.
    public func backupsKept(at time: Date = Date()) async throws -> [BackupRecord] {
        try await store.backupsKept(at: time)
    }

    /// Records a backup made now (`kind` `copy` by `custos backup`, `external` by another tool),
    /// kept for `keepFor`, with the master keys it needs, so that rotation keeps them meanwhile.
    @discardableResult
    public func recordBackup(
        kind: String, keepFor: TimeInterval, at time: Date = Date(), actor: String
    ) async throws
        -> BackupRecord
    {
        let backup = BackupRecord(
            madeAt: time, keepUntil: time.addingTimeInterval(keepFor),
            masterKeyIDs: try await store.masterKeyIDsInUse().sorted(), kind: kind)
        try await store.recordBackup(backup)
        try await store.apply(
            .auditOnly([
                AuditEvent(
                    workspaceID: nil, time: time, actor: actor, action: "backup.recorded",
                    detail:
                        "\(kind) backup kept until \(ISO8601DateFormatter().string(from: backup.keepUntil)), needing master keys \(backup.masterKeyIDs.joined(separator: ", "))"
                )
            ]))
        return backup
    }

    /// Runs `body` with the reads of one web request served together (SQLite keeps one read
    /// transaction for them).
    public func withRequestReads<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await store.withRequestReads(body)
    }
}
