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
    /// How far the sign-in has got: a session is signed in only at ``Stage/signedIn``.
    var stage: Stage
    /// A new second factor's secret while the user sets up their app, sealed under the workspace's key.
    var pendingSecret: Data?

    enum Stage: String, Codable, Sendable {
        /// The password was right; the code from the user's app is awaited.
        case awaitingCode
        /// The password was right; the user's role needs a second factor, which they must set up first.
        case mustEnrol
        case signedIn
    }

    /// A session may last no longer than this, active or not.
    static let lifetime: Duration = .seconds(8 * 3600)
    /// Between the password and the second factor, a session lasts this long.
    static let secondStepTime: Duration = .seconds(10 * 60)

    init(userID: UUID, epoch: Int, stage: Stage, issuedAt: Date = Date()) {
        self.userID = userID
        self.epoch = epoch
        self.stage = stage
        self.issuedAt = issuedAt
        formToken = FormToken.make()
    }

    /// Whether the session is past its lifetime at `time`.
    func hasExpired(at time: Date) -> Bool {
        time.timeIntervalSince(issuedAt) >= TimeInterval(Self.lifetime.components.seconds)
    }
}
