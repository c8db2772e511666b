public import CustosCore
public import Foundation

/// A member of staff who signs in to the console: who they are, their role (and for a school
/// leader the one school they see), a bcrypt hash of their password, and the state of their
/// sign-ins. The password itself is never kept.
public struct StoredStaffUser: Sendable, Hashable {
    public var id: UUID
    /// The one workspace the user works in.
    public var workspaceID: UUID
    /// Their sign-in name, in lower case; unique in the store.
    public var email: String
    /// Their name, as the console and the audit log show it.
    public var name: String
    public var role: StaffRole
    /// For a school leader, the school they are limited to.
    public var schoolID: UUID?
    /// For a trainer, the events they deliver, by name: they reach these events' attendees.
    public var events: [String]
    /// bcrypt (`$2b$`), with its salt and cost.
    public var passwordHash: String
    /// The second factor's secret, sealed under the workspace's console key; nil until enrolled.
    public var totpSealed: Data?
    /// The last 30-second step whose code was accepted: a code is good once.
    public var totpLastStep: Int64?
    /// Failed sign-ins since the last good one.
    public var failedSignIns: Int
    /// Signing in is refused until then (too many failures).
    public var lockedUntil: Date?
    /// Raised when the password changes or the user is disabled: sessions made before are void.
    public var sessionEpoch: Int
    public var createdAt: Date
    public var createdBy: String
    public var disabledAt: Date?
    public var lastSignInAt: Date?

    public init(
        id: UUID, workspaceID: UUID, email: String, name: String, role: StaffRole, schoolID: UUID?,
        passwordHash: String, totpSealed: Data? = nil, totpLastStep: Int64? = nil, failedSignIns: Int = 0,
        lockedUntil: Date? = nil, sessionEpoch: Int = 1, createdAt: Date, createdBy: String, disabledAt: Date? = nil,
        lastSignInAt: Date? = nil, events: [String] = []
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.email = email
        self.name = name
        self.role = role
        self.schoolID = schoolID
        self.events = events
        self.passwordHash = passwordHash
        self.totpSealed = totpSealed
        self.totpLastStep = totpLastStep
        self.failedSignIns = failedSignIns
        self.lockedUntil = lockedUntil
        self.sessionEpoch = sessionEpoch
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.disabledAt = disabledAt
        self.lastSignInAt = lastSignInAt
    }

    /// How the user appears as an actor in the audit log.
    public var actor: String { "user:\(email)" }

    /// Whether a sign-in is refused at `time` for too many failures.
    public func isLocked(at time: Date) -> Bool {
        lockedUntil.map { $0 > time } ?? false
    }
}
