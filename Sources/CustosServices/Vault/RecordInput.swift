public import CustosCore
public import CustosStorage
public import Foundation

/// A record to write: its type, its values (already checked by ``RecordValidator``), where it
/// came from, and the school its people belong to, if known.
public struct RecordInput: Sendable {
    public var type: RecordType
    /// Field name → value, as ``RecordValidator/Outcome/values`` gives them.
    public var values: [String: String]
    public var source: RecordSource
    public var schoolID: UUID?
    /// The people already held whom roles are about, by role: named by id.
    public var subjects: [String: UUID]
    /// The people already held whom roles are about, by role: found by an identifier that is not
    /// part of the record (kind → value, e.g. `upn` → the pupil's UPN in an import's lookup column).
    public var lookups: [String: [String: String]]
    /// Whether the record is one more of its type about its person (a call's recording beside the
    /// last), rather than the person's record of the type, which a write replaces (an import run
    /// again changes nothing).
    public var isAnotherRecord: Bool
    /// Whether a school the record names by URN must be one the workspace holds (an import's
    /// rows); otherwise a URN not yet held adds the school.
    public var schoolMustBeHeld: Bool

    public init(
        type: RecordType, values: [String: String], source: RecordSource, schoolID: UUID? = nil,
        subjects: [String: UUID] = [:], lookups: [String: [String: String]] = [:], isAnotherRecord: Bool = false,
        schoolMustBeHeld: Bool = false
    ) {
        self.type = type
        self.values = values
        self.source = source
        self.schoolID = schoolID
        self.subjects = subjects
        self.lookups = lookups
        self.isAnotherRecord = isAnotherRecord
        self.schoolMustBeHeld = schoolMustBeHeld
    }
}
