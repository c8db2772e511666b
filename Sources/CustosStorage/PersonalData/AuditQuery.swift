public import Foundation

/// Which of a workspace's audit entries to list: by person, actor, action and time, and a page
/// of them, newest first, before a given entry. Every part is optional; none lists them all.
public struct AuditQuery: Sendable, Hashable {
    /// Entries about this person.
    public var subjectID: UUID?
    /// Entries by this actor, exactly as the log names them (`user:jo@school.example`).
    public var actor: String?
    /// An action (`request.received`), or every action of a family when it ends with a dot
    /// (`request.`).
    public var action: String?
    /// Entries at or after this time.
    public var from: Date?
    /// Entries before this time.
    public var until: Date?
    /// Entries before this sequence number: the page after one that ended there.
    public var before: Int64?

    public init(
        subjectID: UUID? = nil, actor: String? = nil, action: String? = nil, from: Date? = nil, until: Date? = nil,
        before: Int64? = nil
    ) {
        self.subjectID = subjectID
        self.actor = actor
        self.action = action
        self.from = from
        self.until = until
        self.before = before
    }

    /// The action's family, for a prefix match: `request.` for `request.`; nil for an exact action.
    public var actionFamily: String? {
        guard let action, action.hasSuffix(".") else { return nil }
        return action
    }

    /// Milliseconds since 1970, as the log keeps times.
    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
