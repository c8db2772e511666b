public import CustosCore
public import CustosStorage
public import Foundation

/// Adds staff users, sets their passwords, disables them, and signs them in.
///
/// Passwords are kept only as bcrypt hashes. Five failed sign-ins in a row (wrong passwords or
/// wrong second-factor codes) lock the account for fifteen minutes; a whole sign-in (the second
/// factor too, where there is one), or a new password, clears the count. Each failure is counted by
/// the database itself, so failures on several servers at once all count. Every change and every
/// sign-in, good or failed, is audited in the user's workspace.
public struct StaffUsers: Sendable {
    let store: any CustosStore
    public let hashing: PasswordHashing

    /// Failed sign-ins in a row that lock an account.
    public static let failuresBeforeLock = 5
    /// How long a locked account stays locked.
    public static let lockDuration: TimeInterval = 15 * 60

    public init(store: any CustosStore, hashing: PasswordHashing = PasswordHashing()) {
        self.store = store
        self.hashing = hashing
    }

    /// Adds a user to `workspace`. A school leader needs the school they are limited to; no other
    /// role has one.
    public func add(
        email: String, name: String, role: StaffRole, schoolID: UUID? = nil, events: [String] = [], password: String,
        in workspace: Workspace, by actor: String, at time: Date = Date()
    ) async throws -> StoredStaffUser {
        let email = try Self.checkedEmail(email)
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedName.isEmpty, trimmedName.count <= 100 else {
            throw StaffUserError("name: a user's name must be 1 to 100 characters")
        }
        switch role {
        case .schoolLeader where schoolID == nil:
            throw StaffUserError("school: a school leader is limited to one school; give it")
        case .schoolLeader:
            break
        default:
            guard schoolID == nil else { throw StaffUserError("school: only a school leader is limited to a school") }
        }
        let events = events.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard events.isEmpty || role == .trainer else {
            throw StaffUserError("event: only a trainer delivers events")
        }
        if let schoolID, try await !store.schools(in: workspace.id).contains(where: { $0.id == schoolID }) {
            throw StaffUserError("school: there is no such school in this workspace")
        }
        if let problem = PasswordRules.problem(with: password, email: email) {
            throw StaffUserError("password: \(problem)")
        }
        guard try await store.staffUser(email: email) == nil else {
            throw StaffUserError("email: a user already signs in with that address")
        }
        let user = StoredStaffUser(
            id: UUID(), workspaceID: workspace.id, email: email, name: trimmedName, role: role, schoolID: schoolID,
            passwordHash: try await hashing.hash(password), createdAt: time, createdBy: actor, events: events)
        try await save(user, event: "user.add", detail: "user \(user.id), role \(role.rawValue)", by: actor, at: time)
        return user
    }

    /// Sets a new password. Sessions signed in before end, and a lock-out is cleared.
    @discardableResult
    public func setPassword(
        _ password: String, for user: StoredStaffUser, by actor: String, at time: Date = Date()
    ) async throws -> StoredStaffUser {
        if let problem = PasswordRules.problem(with: password, email: user.email) {
            throw StaffUserError("password: \(problem)")
        }
        var changed = user
        changed.passwordHash = try await hashing.hash(password)
        changed.sessionEpoch += 1
        changed.failedSignIns = 0
        changed.lockedUntil = nil
        try await save(
            changed, event: "user.password", detail: "user \(user.id): password set", by: actor, at: time,
            clearing: true)
        return changed
    }

    /// Disables a user: they cannot sign in, and their sessions end. Disabling twice changes nothing.
    public func disable(_ user: StoredStaffUser, by actor: String, at time: Date = Date()) async throws {
        guard user.disabledAt == nil else { return }
        var changed = user
        changed.disabledAt = time
        changed.sessionEpoch += 1
        try await save(changed, event: "user.disable", detail: "user \(user.id) disabled", by: actor, at: time)
    }

    /// Sets the events a trainer delivers, replacing those named before: they reach these
    /// events' attendees from their next page.
    @discardableResult
    public func setEvents(
        _ events: [String], for user: StoredStaffUser, by actor: String, at time: Date = Date()
    ) async throws -> StoredStaffUser {
        guard user.role == .trainer else { throw StaffUserError("event: only a trainer delivers events") }
        var changed = user
        changed.events = events.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        try await save(
            changed, event: "user.events", detail: "user \(user.id): \(changed.events.count) events", by: actor,
            at: time)
        return changed
    }

    /// Lets a disabled or locked-out user sign in again.
    public func enable(_ user: StoredStaffUser, by actor: String, at time: Date = Date()) async throws {
        guard user.disabledAt != nil || user.isLocked(at: time) || user.failedSignIns > 0 else { return }
        var changed = user
        changed.disabledAt = nil
        changed.lockedUntil = nil
        changed.failedSignIns = 0
        try await save(
            changed, event: "user.enable", detail: "user \(user.id) enabled", by: actor, at: time, clearing: true)
    }

    /// The account `id`, if there is one.
    public func account(id: UUID) async throws -> StoredStaffUser? {
        try await store.staffUser(id: id)
    }

    /// The workspace's staff accounts.
    public func accounts(in workspace: Workspace) async throws -> [StoredStaffUser] {
        try await store.staffUsers(in: workspace.id)
    }

    /// The workspace's user who signs in as `email`, or an error naming the address's absence.
    public func user(email: String, in workspace: Workspace) async throws -> StoredStaffUser {
        guard let user = try await store.staffUser(email: email.lowercased()), user.workspaceID == workspace.id else {
            throw StaffUserError("email: no user signs in with that address in this workspace")
        }
        return user
    }

    /// Checks an email and password. An unknown email, a wrong password and a locked account cost
    /// the same work (one bcrypt check, and for a known account one write), so neither the answer's
    /// time nor, in the console, its words tell them apart.
    ///
    /// A right password for a user with a second factor does not clear their failures: only the
    /// code does (``SecondFactors/verify(_:code:at:)``), so codes cannot be guessed by signing in
    /// again between wrong ones.
    public func signIn(email: String, password: String, at time: Date = Date()) async throws -> SignInOutcome {
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let user = try await store.staffUser(email: email) else {
            _ = try await hashing.hash(password)
            return .wrongDetails
        }
        let passwordIsRight = try await hashing.verify(password, against: user.passwordHash)
        if let until = user.lockedUntil, until > time {
            try await audit(
                user, event: "user.sign_in_refused", detail: "user \(user.id): sign-in refused while locked", at: time)
            return .locked(until: until)
        }
        guard passwordIsRight else {
            let changed = try await recordFailure(of: user, what: "wrong password", at: time)
            return changed.lockedUntil.map { $0 > time ? .locked(until: $0) : .wrongDetails } ?? .wrongDetails
        }
        guard user.disabledAt == nil else { return .disabled }
        var changes = ChangeSet(workspaceID: user.workspaceID)
        changes.staffUsers.signedIn[user.id] = time
        var changed = user
        changed.lastSignInAt = time
        if user.totpSealed == nil {
            changes.staffUsers.cleared = [user.id]
            changed.failedSignIns = 0
            changed.lockedUntil = nil
        }
        changes.audit = [
            AuditEvent(
                workspaceID: user.workspaceID, time: time, actor: user.actor, action: "user.sign_in",
                detail: user.totpSealed == nil ? "user \(user.id) signed in" : "user \(user.id): password accepted")
        ]
        try await store.apply(changes)
        return .signedIn(changed)
    }

    /// Counts a failed step of a sign-in (a wrong password or code), audited; the fifth in a row
    /// locks the account for ``lockDuration``. The user as stored after it.
    func recordFailure(of user: StoredStaffUser, what: String, at time: Date) async throws -> StoredStaffUser {
        var changes = ChangeSet(workspaceID: user.workspaceID)
        changes.staffUsers.failures = [
            SignInFailure(
                userID: user.id, locksAfter: Self.failuresBeforeLock,
                lockedUntil: time.addingTimeInterval(Self.lockDuration))
        ]
        changes.audit = [
            AuditEvent(
                workspaceID: user.workspaceID, time: time, actor: user.actor, action: "user.sign_in_failed",
                detail: "user \(user.id): \(what)")
        ]
        try await store.apply(changes)
        guard let changed = try await store.staffUser(id: user.id) else { return user }
        if changed.isLocked(at: time), !user.isLocked(at: time) {
            try await audit(
                changed, event: "user.locked",
                detail:
                    "user \(user.id): \(changed.failedSignIns) failures in a row; locked for \(Int(Self.lockDuration / 60)) minutes",
                at: time)
        }
        return changed
    }

    /// Writes one audit entry about `user`, as them.
    func audit(_ user: StoredStaffUser, event: String, detail: String, at time: Date) async throws {
        try await store.apply(
            .auditOnly(
                [
                    AuditEvent(
                        workspaceID: user.workspaceID, time: time, actor: user.actor, action: event, detail: detail)
                ], workspaceID: user.workspaceID))
    }

    /// Writes `user` with one audit entry; `clearing` clears their sign-in failures and lock-out
    /// too (which writing the user alone leaves as stored).
    func save(
        _ user: StoredStaffUser, event: String, detail: String, by actor: String, at time: Date,
        clearing: Bool = false
    )
        async throws
    {
        var changes = ChangeSet(workspaceID: user.workspaceID)
        changes.staffUsers.saved = [user]
        if clearing { changes.staffUsers.cleared = [user.id] }
        changes.audit = [
            AuditEvent(workspaceID: user.workspaceID, time: time, actor: actor, action: event, detail: detail)
        ]
        try await store.apply(changes)
    }

    /// The address in lower case, or an error: one `@`, something either side, no spaces.
    static func checkedEmail(_ email: String) throws -> String {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !trimmed.contains(where: \.isWhitespace), trimmed.count <= 254
        else { throw StaffUserError("email: not an email address") }
        return trimmed
    }
}
