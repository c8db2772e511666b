/// A part a person plays in a record: on a booking the delegate and the PA who booked; on a pupil
/// record the pupil and each parent. Requests later redact or erase one person's part only.
public struct RecordRole: Sendable, Equatable, Decodable {
    /// The role's name within the record type, e.g. `delegate`.
    public var name: String
    /// The kind of person who plays it (a ``SubjectKind`` id).
    public var subject: String
    public var description: String?
    /// For a record about someone already held (Hutton's SEN file, ASSET's call recordings): the
    /// kinds of identifier (`upn`, `email`, `phone`, ...) by which a write finds them, or their id.
    /// A record of this role is written only for a person found so; it never makes a new one.
    public var foundBy: [String]

    /// Whether a record of this role is always about someone already held.
    public var isAboutSomeoneHeld: Bool { !foundBy.isEmpty }
}
