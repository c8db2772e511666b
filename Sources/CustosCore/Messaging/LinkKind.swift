/// What a signed link sent to a person lets them do. A token made for one kind is refused by the
/// routes of every other kind.
public enum LinkKind: String, Sendable, Codable, CaseIterable {
    /// One click takes them off a purpose's list (RFC 8058 one-click unsubscribe): never expires,
    /// as a link in an old email must still work.
    case unsubscribe
    /// Opens their preferences page, where every list and channel can be changed; expires.
    case preferences
    /// The tracking pixel of one message, where the policy declares tracking.
    case open
    /// Confirms a request made in the privacy centre: proves the requester controls the email
    /// address they gave. Expires, so an old email cannot confirm a request years later.
    case requestConfirmation = "request"
    /// Confirms a registration made in the privacy centre: proves the person registering controls
    /// the email address they gave. Expires, as a request confirmation does.
    case registrationConfirmation = "registration"

    /// Whether a token of this kind names a person (every kind but the confirmations, whose
    /// sender may be no one on file yet).
    public var namesSubject: Bool { self != .requestConfirmation && self != .registrationConfirmation }
}
