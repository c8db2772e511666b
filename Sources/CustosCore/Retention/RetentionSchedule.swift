import CSV
public import Foundation

/// The retention schedule: for each kind of record the policy keeps, how long, from when, what
/// happens at the end and on whose authority. Anyone may ask for it (Hutton's notice offers it);
/// the privacy centre serves it as a page and as CSV, from the same policy the engine runs.
public struct RetentionSchedule: Sendable, Equatable {
    /// One line: a record type under one of its rules.
    public struct Row: Sendable, Equatable {
        public var recordType: String
        public var recordName: String
        public var rule: String
        public var period: String
        public var trigger: String
        public var action: String
        public var authority: String
        public var statutory: Bool
        /// Where the organisation did not say, and the period is assumed.
        public var assumed: String?
    }

    public var rows: [Row]

    public init(policy: Policy) {
        let rules = Dictionary(policy.retention.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rows = policy.recordTypes.flatMap { type in
            type.retention.compactMap { id -> Row? in
                guard let rule = rules[id] else { return nil }
                return Row(
                    recordType: type.id, recordName: type.name, rule: rule.id, period: rule.plainEnglish,
                    trigger: rule.trigger == .event ? "the event '\(rule.event ?? "")'" : rule.trigger.plainEnglish,
                    action: rule.action.plainEnglish, authority: rule.authority ?? "Not stated",
                    statutory: rule.statutory, assumed: rule.assumed)
            }
        }
    }

    /// The column headings of ``csv()``.
    public static let columns = [
        "Record type", "Record", "Rule", "How long", "Runs from", "At the end", "Authority", "Set by statute",
        "Assumed",
    ]

    /// The schedule as CSV, lines ended with CRLF.
    public func csv() throws -> String {
        try CSVText.write { writer in
            try writer.write(row: Self.columns)
            for row in rows {
                try writer.write(row: [
                    row.recordType, row.recordName, row.rule, row.period, row.trigger, row.action, row.authority,
                    row.statutory ? "yes" : "no", row.assumed ?? "",
                ])
            }
        }
    }
}
