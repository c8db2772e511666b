import Foundation

/// What a console session remembers: whose it is, which of their password changes it belongs to,
/// the token every form must send back, and when it began.
struct ConsoleSession: Codable, Sendable {
    var userID: UUID
    /// The user's session epoch at sign-in; a new password or disabling raises it, ending this session.
    var epoch: Int
    /// The form token (CSRF): 256 random bits, base64url.
    var formToken: String
    var issuedAt: Date

    /// A session may last no longer than this, active or not.
    static let lifetime: Duration = .seconds(8 * 3600)

    init(userID: UUID, epoch: Int, issuedAt: Date = Date()) {
        self.userID = userID
        self.epoch = epoch
        self.issuedAt = issuedAt
        formToken = FormToken.make()
    }

    /// Whether the session is past its lifetime at `time`.
    func hasExpired(at time: Date) -> Bool {
        time.timeIntervalSince(issuedAt) >= TimeInterval(Self.lifetime.components.seconds)
    }
}
