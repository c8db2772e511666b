/// Where the policy's records say who attends which event (ASSET's courses and demonstrations),
/// so that a trainer's scope, `own_events`, reaches the attendees of the events they deliver and
/// no one else.
public struct EventSettings: Sendable, Equatable, Decodable {
    /// The record type of attendance: its first role's person attends.
    public var recordType: String
    /// The field of that type naming the event, as trainers' accounts name it.
    public var field: String

    public init(recordType: String, field: String) {
        self.recordType = recordType
        self.field = field
    }

    /// An event's name as it is compared: case, and runs of spaces, do not matter.
    public static func normalised(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
