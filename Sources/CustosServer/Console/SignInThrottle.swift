import Foundation

/// Limits sign-in attempts from one network address, whichever accounts they try: the account
/// lock-out stops guessing one password, this stops trying one password on many accounts. Behind
/// a proxy every attempt comes from the proxy's address (forwarded headers are not trusted), so the
/// limit is generous enough for a whole staff signing in at the start of a day.
actor SignInThrottle {
    /// Attempts allowed from one address in each window.
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int = 100, window: TimeInterval = 10 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Counts an attempt from `address`; false when the address is over its limit (and the
    /// attempt is refused unchecked).
    func admit(_ address: String, at time: Date = Date()) -> Bool {
        let recent = (attempts[address] ?? []).filter { time.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            attempts[address] = recent
            return false
        }
        attempts[address] = recent + [time]
        if attempts.count > 10_000 { attempts = attempts.filter { !$0.value.isEmpty } }
        return true
    }
}
