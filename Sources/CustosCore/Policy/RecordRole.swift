/// A part a person plays in a record: on a booking the delegate and the PA who booked; on a pupil
/// record the pupil and each parent. Requests later redact or erase one person's part only.
public struct RecordRole: Sendable, Equatable, Decodable {
    /// The role's name within the record type, e.g. `delegate`.
    public var name: String
    /// The kind of person who plays it (a ``SubjectKind`` id).
    public var subject: String
    public var description: String?
}
