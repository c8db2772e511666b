public import CustosCore
import Foundation

/// Why the vault refused an operation. Messages name ids, types and fields, never personal data.
public struct VaultError: CustosError, Hashable {
    public let message: String
    public let kind: Kind
    /// For a record that failed validation, each field's problem (warnings included).
    public let problems: [FieldProblem]

    /// What sort of refusal it is, for callers that answer differently (the API's status codes).
    public enum Kind: Sendable, Hashable {
        /// The input breaks a rule: an invalid record or identifier, a blank reason, a day in the
        /// future, something the policy does not have.
        case invalid
        /// A subject, record or school the workspace does not have.
        case notFound
        /// The input clashes with what is stored: a school's URN taken, an erased person's identifier,
        /// a step taken already (a task done, a breach reported, a request tied to someone else).
        case conflict
        /// Anything else the vault will not do.
        case refused
    }

    init(_ message: String, kind: Kind = .refused, problems: [FieldProblem] = []) {
        self.message = message
        self.kind = kind
        self.problems = problems
    }

    public var errorCode: ErrorCode {
        switch kind {
        case .invalid where !problems.isEmpty: .invalidRecord
        case .invalid: .invalid
        case .notFound: .notFound
        case .conflict: .conflict
        case .refused: .refused
        }
    }

    static func unknownRecordType(_ id: String) -> Self {
        Self("the policy has no record type '\(id)'", kind: .notFound)
    }
    static func invalidRecord(_ type: String, _ problems: [FieldProblem]) -> Self {
        let errors = problems.filter { !$0.isWarning }.map(\.description).joined(separator: "; ")
        return Self("the \(type) record is not valid: \(errors)", kind: .invalid, problems: problems)
    }
    static func subjectNotFound(_ id: UUID) -> Self {
        Self("there is no subject \(id) in this workspace", kind: .notFound)
    }
    static func recordNotFound(_ id: UUID) -> Self {
        Self("there is no record \(id) in this workspace", kind: .notFound)
    }
    static func personNotFound(role: String, of type: RecordType) -> Self {
        let kinds = type.roles.first { $0.name == role }?.foundBy ?? []
        return Self(
            "subjects.\(role): a \(type.id) record is about someone already held; name the \(role) by their id"
                + (kinds.isEmpty ? "" : " or by \(kinds.joined(separator: ", "))")
                + ". No one was found, and no one was made", kind: .invalid)
    }
    /// A record identified only by a field that tells people apart within a school, with no school.
    public static func schoolNeeded(field: String) -> Self {
        Self(
            "\(field): identifies a person only within a school, and no school is given (choose the school the file is for, or import with --school URN); "
                + "nothing was written, and no one was made", kind: .invalid)
    }
    static func keyDestroyed(_ id: UUID) -> Self {
        Self("subject \(id) has no data key: their data was erased or merged into another subject")
    }
}

extension VaultError {
    /// Refuses a step said to have happened on `day` when that is after today (the day `time`
    /// falls on, by the legal clock): a step is recorded once it has happened, and a day in the
    /// future would bend a clock (a request "received" next year is due next year).
    static func requireNotFuture(_ day: CalendarDay, _ field: String, at time: Date) throws(VaultError) {
        let today = CalendarDay(time, in: CalendarDay.clockTimeZone)
        guard day <= today else {
            throw VaultError(
                "\(field): \(day.iso) is in the future (today is \(today.iso)); record a step once it has happened",
                kind: .invalid)
        }
    }

    /// Refuses a moment after `time`, as ``requireNotFuture(_:_:at:)`` does a day; a minute's
    /// grace allows for clocks that differ a little.
    static func requireNotFuture(_ moment: Date, _ field: String, at time: Date) throws(VaultError) {
        guard moment <= time.addingTimeInterval(60) else {
            throw VaultError(
                "\(field): \(moment.formatted(.iso8601)) is in the future; record what has happened", kind: .invalid)
        }
    }
}
