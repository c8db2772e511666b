public import CustosStorage

/// One message in a person's communications log, with what happened to it.
public struct Communication: Sendable, Equatable {
    public var message: StoredMessage
    /// Oldest first.
    public var events: [MessageEvent]

    public init(message: StoredMessage, events: [MessageEvent]) {
        self.message = message
        self.events = events
    }
}
