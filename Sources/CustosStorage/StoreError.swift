public import CustosCore

/// Why a storage operation was refused. Messages name workspaces and settings, never personal data.
public struct StoreError: CustosError, Hashable {
    private enum Code: Sendable, Hashable {
        case workspaceExists
        case workspaceNotFound
        case invalidWorkspaceName
        case invalidDatabaseURL
        case noWorkspace
        case ambiguousWorkspace
        case corruptData
        case databaseUnreachable
        case invalidBackup
        case auditKeyNeeded
        case conditionFailed
        case identityTaken
        case databaseFailed
    }

    private let code: Code
    /// What went wrong, for people.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var errorCode: ErrorCode {
        switch code {
        case .workspaceExists: .conflict
        case .workspaceNotFound: .notFound
        case .invalidWorkspaceName, .invalidDatabaseURL, .invalidBackup: .badRequest
        case .noWorkspace, .ambiguousWorkspace, .databaseUnreachable, .databaseFailed: .storeUnavailable
        case .corruptData: .corruptData
        case .auditKeyNeeded: .keysUnavailable
        case .conditionFailed, .identityTaken: .conflict
        }
    }

    /// The audit chain is keyed, and nothing may be appended to it without the master keys.
    public static var auditKeyNeeded: Self {
        Self(
            .auditKeyNeeded,
            "the audit log is bound to the master key: open the data with the key file (or CUSTOS_MASTER_KEY) to change anything"
        )
    }

    /// A ``ChangeCondition`` no longer held when its change set was written; nothing was written.
    public static func conditionFailed(_ what: String) -> Self {
        Self(.conditionFailed, what)
    }

    /// A new person was to be made with an identifier that, meanwhile, made another person (two
    /// writes about the same person at once); nothing was written, and the write is tried again.
    public static var identityTaken: Self {
        Self(.identityTaken, "another write made the same person at the same moment; try again")
    }

    /// A backup cannot be written or restored as asked.
    public static func invalidBackup(_ reason: String) -> Self {
        Self(.invalidBackup, reason)
    }

    public static func workspaceExists(_ name: String) -> Self {
        Self(.workspaceExists, "a workspace named '\(name)' already exists")
    }

    public static func workspaceNotFound(_ name: String) -> Self {
        Self(.workspaceNotFound, "there is no workspace named '\(name)'")
    }

    public static func invalidWorkspaceName(_ name: String) -> Self {
        Self(
            .invalidWorkspaceName,
            "'\(name)' cannot name a workspace: use lower-case letters, digits and '-', starting with a letter")
    }

    public static func invalidDatabaseURL(_ reason: String) -> Self {
        Self(.invalidDatabaseURL, "the database URL is not usable: \(reason)")
    }

    public static var noWorkspace: Self {
        Self(.noWorkspace, "there is no workspace yet; create one with 'custos init --policy FILE'")
    }

    public static func ambiguousWorkspace(_ names: [String]) -> Self {
        Self(
            .ambiguousWorkspace,
            "there are several workspaces (\(names.joined(separator: ", "))); choose one with --workspace")
    }

    public static func corruptData(_ what: String) -> Self {
        Self(.corruptData, "the database holds data Custos cannot read: \(what)")
    }

    /// The database refused a statement: its SQLSTATE and message (which name tables and
    /// constraints, never values: every value is bound).
    public static func databaseFailed(state: String, message: String) -> Self {
        Self(.databaseFailed, "the database refused a statement (SQLSTATE \(state)): \(message)")
    }

    public static func databaseUnreachable(_ database: String, reason: String) -> Self {
        Self(.databaseUnreachable, "cannot connect to \(database): \(reason)")
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
