public import Foundation

/// A change of a person's processing state, for one purpose or all of them. Entries are never
/// rewritten; the latest covering a purpose is in force.
public struct ProcessingStateEntry: Sendable, Hashable, Codable {
    public var id: UUID
    public var subjectID: UUID
    /// The purpose, or `nil` for every purpose.
    public var purpose: String?
    public var state: ProcessingState
    public var reason: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(
        id: UUID = UUID(), subjectID: UUID, purpose: String?, state: ProcessingState, reason: String,
        recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.subjectID = subjectID
        self.purpose = purpose
        self.state = state
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The state in force for `purpose`: that of the latest entry covering it, or active.
    public static func state(for purpose: String, in entries: [ProcessingStateEntry]) -> ProcessingState {
        inForce(for: purpose, in: entries)?.state ?? .active
    }

    /// The entry in force for `purpose`: the latest covering it, if any.
    public static func inForce(for purpose: String, in entries: [ProcessingStateEntry]) -> ProcessingStateEntry? {
        var latest: ProcessingStateEntry?
        for entry in entries where entry.purpose == nil || entry.purpose == purpose {
            if let found = latest, found.recordedAt > entry.recordedAt { continue }
            latest = entry
        }
        return latest
    }
}
