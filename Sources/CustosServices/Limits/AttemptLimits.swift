import Crypto
import CustosCore
public import CustosStorage
public import Foundation

/// Limits on how often something may be tried (signing in, the privacy centre's public forms),
/// counted in the database so that a limit holds across every server. What is limited per (a
/// client address, an email address) is kept only as a keyed hash, under a key derived from the
/// master key, so the counts hold no address.
public struct AttemptLimits: Sendable {
    /// One limit: so many attempts of a kind per value in each window.
    public struct Limit: Sendable, Hashable {
        /// What is counted, such as `sign-in-address`.
        public var scope: String
        /// Attempts allowed in one window.
        public var count: Int
        /// The window's length.
        public var window: TimeInterval

        public init(scope: String, count: Int, window: TimeInterval) {
            self.scope = scope
            self.count = count
            self.window = window
        }

        /// Console sign-ins from one client address: enough for a whole staff signing in at the
        /// start of a day from one school's network, few enough to stop trying one password on
        /// many accounts.
        public static let signInPerAddress = Limit(scope: "sign-in-address", count: 100, window: 10 * 60)
        /// Requests and registrations sent from the privacy centre by one client address.
        public static let publicFormPerAddress = Limit(scope: "public-form-address", count: 20, window: 10 * 60)
        /// Requests and registrations naming one email address (each sends it an email): a
        /// stranger cannot flood someone's inbox, or the DPO's list, through the form.
        public static let publicFormPerEmail = Limit(scope: "public-form-email", count: 3, window: 60 * 60)
        /// Cookie-banner answers from one client address.
        public static let cookieAnswersPerAddress = Limit(scope: "cookie-address", count: 300, window: 10 * 60)
    }

    let store: any CustosStore
    let key: SymmetricKey

    init(store: any CustosStore, keys: MasterKeySource) {
        self.store = store
        if let master = try? keys.ring().current {
            key = master.derivedKey(for: "custos-attempt-limits")
        } else {
            // No master key: counts hold within this process only.
            key = SymmetricKey(size: .bits256)
        }
    }

    /// Counts an attempt under `limit` for `value` (compared in lower case); whether it is within
    /// the limit. One over the limit is refused unchecked by the caller.
    public func admit(_ limit: Limit, for value: String) async throws -> Bool {
        let attemptKey = AttemptKey(scope: limit.scope, value: value.lowercased(), key: key)
        return try await store.countAttempt(attemptKey, window: limit.window) <= limit.count
    }

    /// Forgets counts whose windows ended long ago (a day): the outbox's pass calls it.
    public func removeOld() async throws {
        try await store.removeAttemptsOlder(than: 24 * 60 * 60)
    }
}
