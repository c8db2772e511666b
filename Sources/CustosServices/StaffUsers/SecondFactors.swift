import CustosCore
public import CustosStorage
public import Foundation
import HummingbirdOTP

/// The second factor of a console sign-in: a six-digit code from an authenticator app (TOTP,
/// RFC 6238: 30-second steps, SHA-1, which every app expects).
///
/// The shared secret is sealed under the workspace's key, so a copy of the database alone cannot
/// make codes. A code is accepted for the step before and after the current one (clocks drift),
/// and only once: a code seen on a shoulder cannot be used again. Wrong codes count with wrong
/// passwords towards the lock-out.
public struct SecondFactors: Sendable {
    public let vault: Vault
    let users: StaffUsers

    public init(vault: Vault, hashing: PasswordHashing = PasswordHashing()) {
        self.vault = vault
        users = StaffUsers(store: vault.store, hashing: hashing)
    }

    /// A new secret to enrol with: 22 random letters and digits, whose bytes are the key
    /// (authenticator apps take the text's bytes): 130 bits, above RFC 4226's 128, shown to type in
    /// as 36 Base32 characters (nine groups of four) rather than the 64 of a 40-byte key.
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<22).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// What to give the app: the key to type in (Base32) and the `otpauth://` link a phone opens.
    public static func setup(secret: String, account: String, issuer: String) -> (key: String, link: String) {
        let link = TOTP(secret: secret).createAuthenticatorURL(label: "\(issuer):\(account)", issuer: issuer)
        let key = URLComponents(string: link)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return (key, link)
    }

    /// The code an app shows for `secret` at `time` (six digits, leading zeros kept).
    public static func code(secret: String, at time: Date = Date()) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: time))
    }

    /// Seals `secret` for keeping in a session while the user sets up their app.
    public func sealPending(_ secret: String, for user: StoredStaffUser) throws -> Data {
        try Envelope.seal(Data(secret.utf8), key: vault.requesterKey, context: Self.pendingContext(user))
    }

    /// A secret sealed by ``sealPending(_:for:)``, or nil if it is not the user's.
    public func openPending(_ sealed: Data, for user: StoredStaffUser) -> String? {
        (try? Envelope.open(
            sealed, key: vault.requesterKey, context: Self.pendingContext(user), what: "a new second factor"))
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Enrols `secret` for `user` if `code` is one it makes now; nil (and nothing kept) otherwise.
    public func enrol(
        _ user: StoredStaffUser, secret: String, code: String, at time: Date = Date()
    ) async throws -> StoredStaffUser? {
        guard let step = Self.matchingStep(code, secret: secret, after: nil, at: time) else { return nil }
        var changed = user
        changed.totpSealed = try Envelope.seal(
            Data(secret.utf8), key: vault.requesterKey, context: Self.secretContext(user))
        changed.totpLastStep = step
        try await users.save(
            changed, event: "user.second_factor", detail: "user \(user.id): authenticator app set up", by: user.actor,
            at: time)
        return changed
    }

    /// Checks a code at sign-in. A wrong code counts towards the lock-out as a wrong password does;
    /// a right one ends the sign-in and clears the count. Each code is accepted once: the step is
    /// claimed in the database, so the same code sent to two servers at once is taken by one.
    public func verify(
        _ user: StoredStaffUser, code: String, at time: Date = Date()
    ) async throws
        -> SecondFactorOutcome
    {
        if let until = user.lockedUntil, until > time { return .locked(until: until) }
        guard let sealed = user.totpSealed else { return .wrongCode }
        let secret = String(
            decoding: try Envelope.open(
                sealed, key: vault.requesterKey, context: Self.secretContext(user), what: "a user's second factor"),
            as: UTF8.self)
        guard let step = Self.matchingStep(code, secret: secret, after: user.totpLastStep, at: time) else {
            return try await wrongCode(user, at: time)
        }
        var changes = ChangeSet(workspaceID: user.workspaceID)
        changes.conditions = [.secondFactorStep(userID: user.id, step: step)]
        changes.staffUsers.cleared = [user.id]
        changes.staffUsers.signedIn[user.id] = time
        changes.audit = [
            AuditEvent(
                workspaceID: user.workspaceID, time: time, actor: user.actor, action: "user.second_factor_used",
                detail: "user \(user.id): code accepted")
        ]
        do {
            try await vault.store.apply(changes)
        } catch let error as StoreError where error == .conditionFailed("") {
            // Used a moment ago (elsewhere): as a wrong code.
            return try await wrongCode(user, at: time)
        }
        var changed = user
        changed.totpLastStep = step
        changed.failedSignIns = 0
        changed.lockedUntil = nil
        changed.lastSignInAt = time
        return .accepted(changed)
    }

    private func wrongCode(_ user: StoredStaffUser, at time: Date) async throws -> SecondFactorOutcome {
        let changed = try await users.recordFailure(of: user, what: "wrong code", at: time)
        return changed.lockedUntil.map { $0 > time ? .locked(until: $0) : .wrongCode } ?? .wrongCode
    }

    /// Removes a user's second factor (a lost phone); they set one up again at their next sign-in
    /// if their role needs one. Their sessions end.
    public func remove(from user: StoredStaffUser, by actor: String, at time: Date = Date()) async throws {
        guard user.totpSealed != nil else { return }
        var changed = user
        changed.totpSealed = nil
        changed.totpLastStep = nil
        changed.sessionEpoch += 1
        try await users.save(
            changed, event: "user.second_factor_removed", detail: "user \(user.id): authenticator app removed",
            by: actor, at: time)
    }

    /// The step `code` belongs to, among the current one and its neighbours, later than `after`.
    static func matchingStep(_ code: String, secret: String, after lastStep: Int64?, at time: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
            return nil
        }
        let totp = TOTP(secret: secret)
        let now = Int64(time.timeIntervalSince1970) / 30
        for step in [now, now - 1, now + 1] where lastStep.map({ step > $0 }) ?? true {
            if totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * 30))) == value { return step }
        }
        return nil
    }

    private static func secretContext(_ user: StoredStaffUser) -> Envelope.Context {
        Envelope.Context("custos.second-factor", user.workspaceID.uuidString, user.id.uuidString)
    }

    private static func pendingContext(_ user: StoredStaffUser) -> Envelope.Context {
        Envelope.Context("custos.second-factor.pending", user.workspaceID.uuidString, user.id.uuidString)
    }
}
