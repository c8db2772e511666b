/// A field of a record type, with the record type it belongs to.
public struct PolicyField: Sendable, Equatable {
    public var recordType: RecordType
    public var field: RecordField

    /// The role the field describes.
    public var role: RecordRole? { recordType.role(of: field) }
}
