/// What one run of the outbox did.
public struct DeliveryReport: Sendable, Equatable {
    public var sent = 0
    /// Failed for now; another attempt is due later.
    public var deferred = 0
    /// Given up on (refused for good, or out of attempts).
    public var failed = 0
    /// Not sent: the contact decision now says no, or the person was erased.
    public var cancelled = 0

    public init() {}

    /// Messages taken from the queue in the run.
    public var total: Int { sent + deferred + failed + cancelled }
}
