public import CustosCore
public import Foundation

/// A record to write: its type, its values (already checked by ``RecordValidator``), where it
/// came from, and the school its people belong to, if known.
public struct RecordInput: Sendable {
    public var type: RecordType
    /// Field name → value, as ``RecordValidator/Outcome/values`` gives them.
    public var values: [String: String]
    public var source: RecordSource
    public var schoolID: UUID?

    public init(type: RecordType, values: [String: String], source: RecordSource, schoolID: UUID? = nil) {
        self.type = type
        self.values = values
        self.source = source
        self.schoolID = schoolID
    }
}
