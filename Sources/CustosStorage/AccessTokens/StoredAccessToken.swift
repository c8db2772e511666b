public import CustosCore
public import Foundation

/// An API token as stored: whose it is, what it may do, and a hash of its secret. The secret
/// itself is shown once, when the token is made, and never kept.
public struct StoredAccessToken: Sendable, Hashable {
    public var id: UUID
    /// The one workspace the token reaches.
    public var workspaceID: UUID
    /// What the integration is, for people to read (it names the actor in the audit log).
    public var name: String
    public var role: StaffRole
    /// For a school leader's token, the school it is limited to.
    public var schoolID: UUID?
    /// SHA-256 of the secret.
    public var secretHash: Data
    public var createdAt: Date
    public var createdBy: String
    public var revokedAt: Date?

    public init(
        id: UUID, workspaceID: UUID, name: String, role: StaffRole, schoolID: UUID?, secretHash: Data,
        createdAt: Date, createdBy: String, revokedAt: Date? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.name = name
        self.role = role
        self.schoolID = schoolID
        self.secretHash = secretHash
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.revokedAt = revokedAt
    }

    /// How the token appears as an actor in the audit log.
    public var actor: String { "token:\(name)" }
}
