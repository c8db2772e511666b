public import Foundation

/// A run of subjects in ``SubjectOrder``: those after ``after`` (from the first when nil) up to
/// and including ``through`` (to the last when nil). An audience reads its lists one stretch at
/// a time, so a million people never need to be held at once.
public struct SubjectStretch: Sendable, Equatable {
    /// The subject just before the stretch; nil when it starts at the first.
    public var after: UUID?
    /// The stretch's last subject; nil when it runs to the last.
    public var through: UUID?

    public init(after: UUID?, through: UUID?) {
        self.after = after
        self.through = through
    }

    /// Every subject.
    public static let all = SubjectStretch(after: nil, through: nil)

    /// Whether `id` falls in the stretch.
    public func contains(_ id: UUID) -> Bool {
        let key = SubjectOrder.key(id)
        if let after, key <= SubjectOrder.key(after) { return false }
        if let through, key > SubjectOrder.key(through) { return false }
        return true
    }
}
