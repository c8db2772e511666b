public import CustosCore

/// Which of a workspace's requests to list, and in what order: the register's filters.
public struct RequestQuery: Sendable, Hashable {
    /// Which requests by where they stand.
    public enum Standing: String, Sendable, CaseIterable {
        /// Not yet completed or refused.
        case open
        /// Completed or refused.
        case closed
        case all
    }

    /// The order of the list.
    public enum Order: String, Sendable, CaseIterable {
        /// Most urgent first: a running clock with no date known (an educational record whose
        /// school calendar ends too soon), then the soonest due, then those with no date yet.
        case due
        /// The latest received first.
        case newest
        /// The earliest received first.
        case oldest
    }

    public var standing: Standing
    public var kind: RequestKind?
    public var order: Order

    public init(standing: Standing = .open, kind: RequestKind? = nil, order: Order = .due) {
        self.standing = standing
        self.kind = kind
        self.order = order
    }

    /// The states `standing` covers, as kept.
    public var states: [String] {
        let closed = [RequestState.completed, .refused].map(\.rawValue)
        switch standing {
        case .open: return RequestState.allCases.map(\.rawValue).filter { !closed.contains($0) }
        case .closed: return closed
        case .all: return RequestState.allCases.map(\.rawValue)
        }
    }

    /// The `ORDER BY` of `order`, the same in SQLite and PostgreSQL.
    public var orderBy: String {
        switch order {
        case .due:
            """
            (state NOT IN ('completed', 'refused') AND due_on IS NULL AND state <> 'awaiting_verification'
            AND kind = 'educational_record') DESC, due_on IS NULL, due_on, received_on, created_at, id
            """
        case .newest: "received_on DESC, created_at DESC, id DESC"
        case .oldest: "received_on, created_at, id"
        }
    }
}
