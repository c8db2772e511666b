import Crypto
public import CustosCore
public import CustosStorage
public import Foundation

/// A workspace's personal data, sealed on the way in and opened on the way out: each person's
/// values under their own data key, identifiers as blind indexes, chosen fields as pseudonyms,
/// and every read and change written to the audit chain with the data it concerns.
///
/// The vault is the only way to personal data: the store beneath it sees ciphertext and hashes.
///
/// A class, not a struct: a vault is opened once per workspace and handed to every request, and
/// copying its many parts at each hand-over showed in the API's profile.
public final class Vault: Sendable {
    let store: any CustosStore
    public let workspace: Workspace
    public let policy: Policy
    let keys: MasterKeySource
    let indexer: BlindIndexer
    let pseudonymiser: Pseudonymiser
    /// Signs and checks the links sent to people.
    public let links: LinkSigner
    /// The contact decision under this vault's policy.
    public let contactDecider: ContactDecider
    /// The door's decision on every use of personal data under this vault's policy.
    public let useDecider: UseDecider
    /// Wraps the keys of requests made in the privacy centre.
    let requesterKey: SymmetricKey
    /// The policy's identifier kinds that tell people apart only within a school, worked out once.
    let schoolScopedKinds: Set<String>
    /// Each record type's identifier fields by role, in the order they find the person, worked
    /// out once (``RecordType/identifierFields(of:)``), keyed by type id and role.
    private let identifierFieldsByRole: [String: [RecordField]]
    /// Each record type's fields whose words the name index holds, by role
    /// (``RecordType/displayNameFields(of:)`` less the pseudonymised), keyed by type id and role.
    private let indexedNameFieldsByRole: [String: [String]]
    /// Each record type's pseudonymised fields, keyed by type id.
    private let pseudonymisedFieldsByType: [String: Set<String>]

    init(
        store: any CustosStore, workspace: Workspace, policy: Policy, keys: MasterKeySource, indexer: BlindIndexer,
        pseudonymiser: Pseudonymiser, links: LinkSigner, requesterKey: SymmetricKey
    ) {
        self.store = store
        self.workspace = workspace
        self.policy = policy
        self.keys = keys
        self.indexer = indexer
        self.pseudonymiser = pseudonymiser
        self.links = links
        self.requesterKey = requesterKey
        contactDecider = ContactDecider(policy: policy)
        useDecider = UseDecider(policy: policy)
        schoolScopedKinds = policy.schoolScopedIdentifierKinds
        var byRole: [String: [RecordField]] = [:]
        var namesByRole: [String: [String]] = [:]
        var pseudonymised: [String: Set<String>] = [:]
        for type in policy.recordTypes {
            for role in type.roles {
                byRole[type.id + "\u{1F}" + role.name] = type.identifierFields(of: role.name)
                namesByRole[type.id + "\u{1F}" + role.name] = Self.indexedNameFields(of: type, role: role.name)
            }
            pseudonymised[type.id] = Self.pseudonymisedFields(of: type)
        }
        identifierFieldsByRole = byRole
        indexedNameFieldsByRole = namesByRole
        pseudonymisedFieldsByType = pseudonymised
    }

    /// The fields of `type`'s `role` whose words the name index holds: those naming the person,
    /// less the pseudonymised (a pseudonym is kept so that the name is not).
    private static func indexedNameFields(of type: RecordType, role: String) -> [String] {
        type.displayNameFields(of: role).filter { !$0.pseudonymise }.map(\.name)
    }

    /// The fields of `type`'s `role` whose words the name index holds.
    func indexedNameFields(of type: RecordType, role: String) -> [String] {
        indexedNameFieldsByRole[type.id + "\u{1F}" + role] ?? Self.indexedNameFields(of: type, role: role)
    }

    private static func pseudonymisedFields(of type: RecordType) -> Set<String> {
        Set(type.fields.filter(\.pseudonymise).map(\.name))
    }

    /// `type`'s pseudonymised fields.
    func pseudonymisedFields(of type: RecordType) -> Set<String> {
        pseudonymisedFieldsByType[type.id] ?? Self.pseudonymisedFields(of: type)
    }

    /// `type`'s identifier fields of `role`, in the order they find the person.
    func identifierFields(of type: RecordType, role: String) -> [RecordField] {
        identifierFieldsByRole[type.id + "\u{1F}" + role] ?? type.identifierFields(of: role)
    }

    /// Opens the workspace's vault under the policy version in force.
    public static func open(store: any CustosStore, workspace: Workspace, keys: MasterKeySource) async throws -> Vault {
        guard let version = try await store.currentPolicyVersion(in: workspace) else {
            throw StoreError.corruptData("workspace '\(workspace.name)' has no policy")
        }
        let loaded: LoadedPolicy
        do {
            loaded = try PolicyLoader.load(yaml: version.source, fileName: version.fileName)
        } catch {
            throw StoreError.corruptData("the policy in force, \(version.label), no longer loads: \(error.description)")
        }
        return try await open(store: store, workspace: workspace, policy: loaded.policy, keys: keys)
    }

    /// Opens the workspace's vault, making the workspace's index, pseudonym and link keys on first use (a workspace made
    /// before a key existed gets it on its next open).
    public static func open(
        store: any CustosStore, workspace: Workspace, policy: Policy, keys: MasterKeySource
    ) async throws -> Vault {
        // Whoever holds the master keys writes the audit chain keyed under them.
        store.auditKeys.use(keys)
        var wrapped = try await store.workspaceSecrets(in: workspace.id)
        let purposes = WorkspaceSecrets.Purpose.allCases
        if purposes.contains(where: { wrapped[$0.rawValue] == nil }) {
            let master = try keys.wrappingKey()
            let fresh = WorkspaceSecrets.generate()
            var changes = ChangeSet(workspaceID: workspace.id)
            for purpose in purposes where wrapped[purpose.rawValue] == nil {
                changes.people.secrets[purpose.rawValue] = try master.wrap(
                    fresh.key(for: purpose),
                    context: WorkspaceSecrets.wrapContext(workspaceID: workspace.id, purpose: purpose))
            }
            changes.audit = [
                AuditEvent(
                    workspaceID: workspace.id, time: Date(), actor: "system", action: "workspace.keys.create",
                    detail:
                        "workspace keys made: \(purposes.filter { wrapped[$0.rawValue] == nil }.map(\.rawValue).joined(separator: ", "))"
                )
            ]
            try await store.apply(changes)
            // Another process may have made them first; theirs are kept, so read them back.
            wrapped = try await store.workspaceSecrets(in: workspace.id)
        }
        func unwrap(_ purpose: WorkspaceSecrets.Purpose) throws -> SymmetricKey {
            guard let key = wrapped[purpose.rawValue] else {
                throw StoreError.corruptData("the workspace's \(purpose.rawValue) key is missing")
            }
            return try keys.ring(holding: key.masterKeyID).unwrap(
                key, context: WorkspaceSecrets.wrapContext(workspaceID: workspace.id, purpose: purpose),
                what: "the workspace's \(purpose.rawValue) key")
        }
        let vault = Vault(
            store: store, workspace: workspace, policy: policy, keys: keys,
            indexer: BlindIndexer(key: try unwrap(.blindIndex)),
            pseudonymiser: Pseudonymiser(key: try unwrap(.pseudonym)),
            links: LinkSigner(key: try unwrap(.linkSigning), workspaceID: workspace.id),
            requesterKey: try unwrap(.requesters))
        // Personal text a register kept in plain columns before this version is sealed now.
        try await Requests(vault: vault).sealPlainParties()
        // The key file records where the audit chain's keying began, once per process. A key file
        // that cannot be written (a read-only mount) leaves it to `custos audit verify` to say so.
        if !store.auditKeys.isAnchorSettled {
            _ = try? await AuditLog(store: store).anchor()
            store.auditKeys.markAnchorSettled()
        }
        return vault
    }

    /// The blind index of an identifier's kept value.
    public func index(kind: String, value: String) -> Data {
        indexer.index(kind: kind, value: value)
    }

    /// The blind index of an identifier field's kept value: by the value alone for an identifier
    /// that tells people apart across the workspace; by the value within the school `schoolID`
    /// for one that does so only within a school (``IdentifierScope/school``), and nil when no
    /// school is known, since it then identifies no one.
    func identifierIndex(of field: RecordField, value: String, schoolID: UUID?) -> (kind: String, index: Data)? {
        guard let kind = field.identifierKind else { return nil }
        switch field.identifierScope {
        case .workspace:
            return (kind, indexer.index(kind: kind, value: value))
        case .school:
            guard let schoolID else { return nil }
            return (kind, indexer.index(kind: kind, value: schoolID.uuidString.lowercased() + "\u{1F}" + value))
        }
    }

    /// Who the organisation's own emails (reminders to the DPO, confirmations of requests) come
    /// from: the controller's address, else the DPO's.
    public var organisationSender: MailAddress? {
        (policy.controller.email ?? policy.dpo?.email).flatMap { MailAddress($0, name: policy.controller.displayName) }
    }

    /// Appends events to the audit chain on their own (timed as ``ServiceMetrics/auditAppend``).
    public func audit(_ events: [AuditEvent]) async throws {
        try await ServiceMetrics.timed(ServiceMetrics.auditAppend) {
            try await store.apply(.auditOnly(events, workspaceID: workspace.id))
        }
    }

    /// An audit event in this workspace.
    func event(
        _ action: String, actor: String, at time: Date = Date(), purpose: String? = nil, reason: String? = nil,
        subjectID: UUID? = nil, recordID: UUID? = nil, detail: String? = nil, shown: [UUID] = []
    ) -> AuditEvent {
        AuditEvent(
            workspaceID: workspace.id, time: time, actor: actor, action: action, purpose: purpose, reason: reason,
            subjectID: subjectID, recordID: recordID, detail: detail, shown: shown)
    }

    /// Unwraps a subject's data key.
    func dataKey(of subject: StoredSubject) throws -> SymmetricKey {
        guard let wrapped = subject.key else { throw VaultError.keyDestroyed(subject.id) }
        return try keys.ring(holding: wrapped.masterKeyID).unwrap(
            wrapped, context: SubjectKey.wrapContext(workspaceID: workspace.id, subjectID: subject.id),
            what: "the data key of subject \(subject.id)")
    }
}
